import type { FixState, Severity } from '../../model.js';

/** Debian release code names to the namespace of that release (`bookworm` → `debian:12`). */
const SUITE_VERSIONS: Record<string, string> = {
  woody: '3.0',
  sarge: '3.1',
  etch: '4',
  lenny: '5',
  squeeze: '6',
  wheezy: '7',
  jessie: '8',
  stretch: '9',
  buster: '10',
  bullseye: '11',
  bookworm: '12',
  trixie: '13',
  forky: '14',
  duke: '15',
  sid: 'unstable',
};

/** The namespace of a suite, or undefined for a name Debian never used for a release. */
export function debianNamespace(suite: string): string | undefined {
  const version = SUITE_VERSIONS[suite.trim().toLowerCase()];
  return version === undefined ? undefined : `debian:${version}`;
}

/**
 * The tracker's urgency as a Customs severity. A trailing `*` or `**` marks a value the
 * tracker took from elsewhere; the word still counts. `end-of-life` says nothing about impact.
 */
export function severityOfUrgency(urgency: unknown): Severity {
  if (typeof urgency !== 'string') return 'unknown';
  const word = urgency.replace(/\*+$/, '').trim().toLowerCase();
  switch (word) {
    case 'unimportant':
      return 'negligible';
    case 'low':
    case 'medium':
    case 'high':
      return word;
    default:
      return 'unknown';
  }
}

export function isEndOfLife(urgency: unknown): boolean {
  return typeof urgency === 'string' && urgency.replace(/\*+$/, '').trim().toLowerCase() === 'end-of-life';
}

/**
 * The fix state a `<word>` annotation (DSA list, `nodsa_reason`) stands for: the security
 * team will not fix it through a DSA (`no-dsa`, `ignored`, `end-of-life`), or it is still to
 * come (`postponed`, `unfixed`), or the suite never had the flaw (`not-affected`).
 */
export function fixStateOfAnnotation(word: string): FixState | undefined {
  switch (word.trim().toLowerCase()) {
    case 'not-affected':
      return 'not-affected';
    case 'unfixed':
    case 'postponed':
    case 'undetermined':
      return 'not-fixed';
    case 'no-dsa':
    case 'ignored':
    case 'end-of-life':
      return 'wont-fix';
    default:
      return undefined;
  }
}

const SEVERITY_ORDER: Severity[] = ['unknown', 'negligible', 'low', 'medium', 'high', 'critical'];

/** The higher of two severities (`unknown` lowest). */
export function higherSeverity(a: Severity, b: Severity): Severity {
  return SEVERITY_ORDER.indexOf(a) >= SEVERITY_ORDER.indexOf(b) ? a : b;
}
