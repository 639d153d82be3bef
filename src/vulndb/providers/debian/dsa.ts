import type { AffectedPackage, FeedItem, Vulnerability } from '../../model.js';
import type { FeedFile, FeedParser } from '../types.js';
import { debianNamespace, fixStateOfAnnotation } from './suites.js';

const PROVIDER = 'debian-dsa';

/** `[03 Oct 2023] DSA-5514-1 glibc - security update` (DLA and DTSA lists have the same shape). */
const HEADER = /^\[(\d{1,2}) ([A-Za-z]{3}) (\d{4})\]\s+((?:DSA|DLA|DTSA)-\d+(?:-\d+)?)\b\s*(.*)$/;
/** `[bookworm] - glibc 2.36-9+deb12u3` or `[bookworm] - glibc <not-affected> (reason)`. */
const PACKAGE_LINE = /^\[([A-Za-z0-9-]+)\]\s+-\s+(\S+)(?:\s+(\S+))?(?:\s+.*)?$/;
/** `{CVE-2023-4911 DSA-5514-1}` */
const XREF_LINE = /^\{([^}]*)\}$/;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

interface Entry {
  vulnerability: Vulnerability;
  affected: AffectedPackage[];
}

function isoDate(day: string, month: string, year: string): string | undefined {
  const index = MONTHS.indexOf(month.toLowerCase());
  if (index < 0) return undefined;
  return `${year}-${String(index + 1).padStart(2, '0')}-${day.padStart(2, '0')}T00:00:00Z`;
}

function startEntry(match: RegExpExecArray): Entry {
  const [, day = '', month = '', year = '', id = '', rest = ''] = match;
  const vulnerability: Vulnerability = {
    id,
    aliases: [],
    severity: 'unknown',
    cvss: [],
    references: [`https://security-tracker.debian.org/tracker/${id}`],
    provider: PROVIDER,
  };
  const published = isoDate(day, month, year);
  if (published) vulnerability.published = published;
  const summary = rest.trim();
  if (summary) vulnerability.summary = summary;
  return { vulnerability, affected: [] };
}

/** One `[suite] - package version` line as an affected package, or the reason it is unusable. */
function readPackageLine(entry: Entry, match: RegExpExecArray): AffectedPackage | string {
  const [, suite = '', name = '', version] = match;
  const namespace = debianNamespace(suite);
  if (!namespace) return `unknown Debian suite "${suite}"`;
  if (!version) return `no version for ${name} in ${suite}`;
  const base = {
    vulnerabilityId: entry.vulnerability.id,
    namespace,
    package: name,
    scheme: 'deb' as const,
    provider: PROVIDER,
  };
  const annotation = /^<([^>]+)>$/.exec(version);
  if (annotation) {
    const fixState = fixStateOfAnnotation(annotation[1] ?? '');
    if (!fixState) return `unknown annotation ${version}`;
    return { ...base, ranges: fixState === 'not-affected' ? [] : [{}], fixState, fixedVersions: [] };
  }
  const affected: AffectedPackage = {
    ...base,
    ranges: [{ fixed: version }],
    fixState: 'fixed',
    fixedVersions: [version],
  };
  if (entry.vulnerability.published) affected.fixPublished = entry.vulnerability.published;
  return affected;
}

function finish(entry: Entry): FeedItem {
  return { kind: 'vulnerability', vulnerability: entry.vulnerability, affected: entry.affected };
}

function* parseDsaList(file: FeedFile): Iterable<FeedItem> {
  const lines = file.content.toString('utf8').split(/\r?\n/);
  let entry: Entry | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    if (line === '' || /^(NOTE|TODO):/.test(line)) continue;
    const where = `${file.location}:${i + 1}`;
    const header = HEADER.exec(line);
    if (header) {
      if (entry) yield finish(entry);
      entry = startEntry(header);
      continue;
    }
    if (!entry) {
      yield { kind: 'rejected', location: where, reason: 'line outside any advisory entry' };
      continue;
    }
    const xref = XREF_LINE.exec(line);
    if (xref) {
      for (const id of (xref[1] ?? '').split(/\s+/)) {
        if (id && id !== entry.vulnerability.id && !entry.vulnerability.aliases.includes(id)) {
          entry.vulnerability.aliases.push(id);
        }
      }
      continue;
    }
    const pkg = PACKAGE_LINE.exec(line);
    const outcome = pkg ? readPackageLine(entry, pkg) : 'unrecognised line';
    if (typeof outcome === 'string') yield { kind: 'rejected', location: where, reason: outcome };
    else entry.affected.push(outcome);
  }
  if (entry) yield finish(entry);
}

/** The tracker's advisory list text (`data/DSA/list`; `data/DLA/list` reads the same way). */
export const debianDsaParser: FeedParser = {
  name: PROVIDER,
  detect(file: FeedFile): boolean {
    const head = file.content.subarray(0, 1024).toString('utf8');
    const first = head.split(/\r?\n/).find((line) => line.trim() !== '');
    return first !== undefined && HEADER.test(first.trim());
  },
  parse: parseDsaList,
};
