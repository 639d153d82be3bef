import { LANGUAGE_ECOSYSTEMS } from '../../../model/ecosystems.js';
import type { SchemeName } from '../../../versioning/types.js';

/** Where an OSV ecosystem's packages live in our database and how their versions compare. */
export interface EcosystemTarget {
  namespace: string;
  scheme: SchemeName;
}

/** The language ecosystems (the table the matcher reads too), and the rolling apk distros. */
const LANGUAGES: Record<string, EcosystemTarget> = {
  ...Object.fromEntries(
    LANGUAGE_ECOSYSTEMS.map((e) => [e.osv, { namespace: e.namespace, scheme: e.scheme }]),
  ),
  Wolfi: { namespace: 'wolfi:rolling', scheme: 'apk' },
  Chainguard: { namespace: 'chainguard:rolling', scheme: 'apk' },
};

const RPM_DISTROS: Record<string, string> = { AlmaLinux: 'almalinux', 'Rocky Linux': 'rocky' };

/**
 * Maps an OSV ecosystem string onto our namespace and version scheme; undefined for ecosystems
 * Customs does not match against (the caller counts them).
 *
 * Ubuntu: `Ubuntu:22.04:LTS`, `Ubuntu:Pro:18.04:LTS` and `Ubuntu:24.10` all map to
 * `ubuntu:<release>` — a Pro (ESM) entry names the fix an image gets only with Ubuntu Pro, which
 * is still the version that fixes it. Variants with any other qualifier (FIPS, Realtime kernels…)
 * are separate package streams and are skipped.
 * Red Hat: only `Red Hat:enterprise_linux:<major>…` CPE-style names map (to `rhel:<major>`);
 * EUS/AUS and layered-product streams are skipped.
 */
export function mapEcosystem(ecosystem: string): EcosystemTarget | undefined {
  const parts = ecosystem.split(':');
  const base = parts[0] ?? '';
  const rest = parts.slice(1);
  const language = LANGUAGES[base];
  if (language) {
    // `Maven:<repository url>` is still Maven; other suffixes on languages are unknown.
    if (rest.length === 0 || base === 'Maven') return language;
    return undefined;
  }
  if (base === 'Debian') return release('debian', rest, /^\d+$/, 'deb');
  if (base === 'Alpine') {
    const version = rest[0]?.replace(/^v/, '');
    return rest.length === 1 ? release('alpine', [version ?? ''], /^\d+\.\d+$/, 'apk') : undefined;
  }
  if (base === 'Ubuntu') {
    const version = rest.filter((part) => part !== 'Pro' && part !== 'LTS');
    return release('ubuntu', version, /^\d+\.\d+$/, 'deb');
  }
  const rpmDistro = RPM_DISTROS[base];
  if (rpmDistro) return release(rpmDistro, rest, /^\d+$/, 'rpm');
  if (base === 'Red Hat') {
    const match = /^enterprise_linux:(\d+)(?::|$)/.exec(rest.join(':'));
    return match ? { namespace: `rhel:${match[1]}`, scheme: 'rpm' } : undefined;
  }
  return undefined;
}

function release(
  distro: string,
  rest: (string | undefined)[],
  shape: RegExp,
  scheme: SchemeName,
): EcosystemTarget | undefined {
  const version = rest[0];
  if (rest.length !== 1 || version === undefined || !shape.test(version)) return undefined;
  return { namespace: `${distro}:${version}`, scheme };
}

/** Whether the namespace is a distro whose advisories name the CVEs they fix in `related`. */
export function isRpmNamespace(namespace: string): boolean {
  return /^(almalinux|rocky|rhel):/.test(namespace);
}
