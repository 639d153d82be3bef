import { parseFeedYaml as parseYaml } from '../feed-yaml.js';
import type { AffectedPackage, FeedItem } from '../../model.js';
import type { FeedFile, FeedParser } from '../types.js';
import { secdbNamespace } from './namespace.js';
import { secfixIds } from './secfix-ids.js';

const PROVIDER = 'alpine-secdb';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An empty YAML value (`key:` or `key: ~`) read with the failsafe schema, or JSON null. */
function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '' || value === '~' || value === 'null';
}

/** What one file says about one vulnerability id: its aliases and, per package, the fix versions. */
interface Claim {
  aliases: Set<string>;
  /** Package → versions that fix it (`0` kept: never affected). */
  packages: Map<string, Set<string>>;
}

function readDocument(file: FeedFile): unknown {
  const text = file.content.toString('utf8');
  if (/^\s*\{/.test(text)) return JSON.parse(text);
  // Everything as strings: a version key such as `1.10` must not become the number 1.1.
  return parseYaml(text, { stringsOnly: true, duplicateKeys: true });
}

function record(
  claims: Map<string, Claim>,
  id: string,
  aliases: string[],
  pkg: string,
  version: string,
): void {
  const claim = claims.get(id) ?? { aliases: new Set<string>(), packages: new Map<string, Set<string>>() };
  claims.set(id, claim);
  for (const alias of aliases) if (alias !== id) claim.aliases.add(alias);
  const versions = claim.packages.get(pkg) ?? new Set<string>();
  claim.packages.set(pkg, versions);
  versions.add(version);
}

/**
 * One affected package per (id, package). Version `0` alone means never affected; when an id
 * is listed under several versions of the same package every one is kept as a fixed bound
 * (the matcher then treats the highest as the complete fix).
 */
function affectedOf(id: string, namespace: string, pkg: string, versions: Set<string>): AffectedPackage {
  const fixed = [...versions].filter((version) => version !== '0');
  const base = { vulnerabilityId: id, namespace, package: pkg, scheme: 'apk' as const, provider: PROVIDER };
  if (fixed.length === 0) return { ...base, ranges: [], fixState: 'not-affected', fixedVersions: [] };
  return {
    ...base,
    ranges: fixed.map((version) => ({ fixed: version })),
    fixState: 'fixed',
    fixedVersions: fixed,
  };
}

function* parseSecdb(file: FeedFile): Iterable<FeedItem> {
  let doc: unknown;
  try {
    doc = readDocument(file);
  } catch (err) {
    yield {
      kind: 'rejected',
      location: file.location,
      reason: `not valid JSON or YAML: ${(err as Error).message}`,
    };
    return;
  }
  // A repository without fixes has an empty `packages:`.
  const packages = isObject(doc) && isEmpty(doc.packages) ? [] : isObject(doc) ? doc.packages : undefined;
  if (!isObject(doc) || !Array.isArray(packages)) {
    yield { kind: 'rejected', location: file.location, reason: 'no packages list' };
    return;
  }
  const namespace = secdbNamespace(doc, file.location);
  if (typeof namespace !== 'string') {
    yield { kind: 'rejected', location: file.location, reason: namespace.reason };
    return;
  }
  const claims = new Map<string, Claim>();
  for (const [index, entry] of packages.entries()) {
    const where = `${file.location}#packages[${index}]`;
    const pkg = isObject(entry) && isObject(entry.pkg) ? entry.pkg : undefined;
    const name = typeof pkg?.name === 'string' ? pkg.name.trim() : '';
    if (!pkg || name === '') {
      yield { kind: 'rejected', location: where, reason: 'package entry without pkg.name' };
      continue;
    }
    const secfixes = pkg.secfixes;
    if (isEmpty(secfixes)) continue;
    if (!isObject(secfixes)) {
      yield { kind: 'rejected', location: `${where} (${name})`, reason: 'secfixes is not a map of versions' };
      continue;
    }
    for (const [version, listed] of Object.entries(secfixes)) {
      // A version with an empty list (`7.4.0-r0:` in old files) claims nothing.
      if (isEmpty(listed)) continue;
      const entries = typeof listed === 'string' ? [listed] : listed;
      if (!Array.isArray(entries)) {
        yield {
          kind: 'rejected',
          location: `${where} (${name} ${version})`,
          reason: 'secfixes entry is not a list',
        };
        continue;
      }
      for (const text of entries) {
        const ids = typeof text === 'string' ? secfixIds(text) : { cves: [], others: [] };
        if (ids.cves.length === 0 && ids.others.length === 0) {
          const reason = `no vulnerability id in ${JSON.stringify(text)}`;
          yield { kind: 'rejected', location: `${where} (${name} ${version})`, reason };
          continue;
        }
        // CVEs carry the entry's other ids (XSA-…, TALOS-…) as aliases; without a CVE each id stands alone.
        if (ids.cves.length > 0)
          for (const cve of ids.cves) record(claims, cve, ids.others, name, version.trim());
        else for (const other of ids.others) record(claims, other, [], name, version.trim());
      }
    }
  }
  for (const [id, claim] of claims) {
    const affected = [...claim.packages].map(([pkg, versions]) => affectedOf(id, namespace, pkg, versions));
    yield {
      kind: 'vulnerability',
      vulnerability: {
        id,
        aliases: [...claim.aliases],
        severity: 'unknown',
        cvss: [],
        references: [],
        provider: PROVIDER,
      },
      affected,
    };
  }
}

/** Alpine secdb (`secdb.alpinelinux.org`, YAML or JSON) and the Wolfi and Chainguard secdb JSON. */
export const alpineSecdbParser: FeedParser = {
  name: PROVIDER,
  detect(file: FeedFile): boolean {
    if (!/\.(json|ya?ml)$/i.test(file.name)) return false;
    const head = file.content.subarray(0, 4096).toString('utf8');
    return /\bpackages\b/.test(head) && /\b(distroversion|apkurl|urlprefix)\b/.test(head);
  },
  parse: parseSecdb,
};
