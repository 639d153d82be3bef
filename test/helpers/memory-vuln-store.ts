// An in-memory VulnStore for unit tests of the matcher and the scan (no SQLite, no ../shared).
import type { AffectedPackage, EpssScore, KevEntry, Vulnerability } from '../../src/vulndb/model.js';
import type {
  DatabaseStatus,
  ProviderStatus,
  StoredVulnerability,
  VulnStore,
  WriteSession,
} from '../../src/vulndb/store/types.js';
import { attachExploitData } from '../../src/vulndb/store/rows/exploit-data.js';
import { mergeSameId } from '../../src/vulndb/store/rows/merge-vulnerabilities.js';
import { epssRow, kevRow } from '../../src/vulndb/store/rows/record-rows.js';

export interface MemoryVulnStoreInit {
  vulnerabilities?: Vulnerability[];
  affected?: AffectedPackage[];
  epss?: EpssScore[];
  kev?: KevEntry[];
  /** When each provider was last synced (default: every provider of the records, at `lastSync`). */
  lastSync?: string;
}

export function vulnerability(id: string, fields: Partial<Vulnerability> = {}): Vulnerability {
  return { id, aliases: [], severity: 'medium', cvss: [], references: [], provider: 'test', ...fields };
}

export function affected(
  vulnerabilityId: string,
  namespace: string,
  name: string,
  fields: Partial<AffectedPackage> = {},
): AffectedPackage {
  return {
    vulnerabilityId,
    namespace,
    package: name,
    scheme: 'deb',
    ranges: [],
    fixState: 'fixed',
    fixedVersions: [],
    provider: 'test',
    ...fields,
  };
}

const key = (namespace: string, name: string): string => `${namespace}\u0000${name}`;

/** Read-only: `begin()` refuses (tests build the store whole). */
export class MemoryVulnStore implements VulnStore {
  readonly location = 'memory:test';
  private readonly byKey = new Map<string, AffectedPackage[]>();
  private readonly vulns = new Map<string, StoredVulnerability>();
  private readonly providers: ProviderStatus[];

  constructor(init: MemoryVulnStoreInit = {}) {
    for (const a of init.affected ?? []) {
      const list = this.byKey.get(key(a.namespace, a.package)) ?? [];
      list.push(a);
      this.byKey.set(key(a.namespace, a.package), list);
    }
    // Several providers may hold one id: merged as the real stores merge them.
    const byId = new Map<string, Vulnerability[]>();
    for (const v of init.vulnerabilities ?? []) byId.set(v.id, [...(byId.get(v.id) ?? []), v]);
    for (const [id, records] of byId) this.vulns.set(id, mergeSameId(records)!);
    // EPSS and KEV through the CVEs each record is or aliases, as the real stores attach them.
    const epss = new Map((init.epss ?? []).map((e) => [e.cve, epssRow(e)]));
    const kev = new Map((init.kev ?? []).map((k) => [k.cve, kevRow(k)]));
    for (const v of this.vulns.values()) attachExploitData(v, epss, kev);
    const lastSync = init.lastSync ?? new Date().toISOString();
    const names = new Set([
      ...(init.affected ?? []).map((a) => a.provider),
      ...(init.vulnerabilities ?? []).map((v) => v.provider),
    ]);
    this.providers = [...names].map((provider) => ({
      provider,
      vulnerabilities: (init.vulnerabilities ?? []).filter((v) => v.provider === provider).length,
      affected: (init.affected ?? []).filter((a) => a.provider === provider).length,
      lastSync,
      rejected: 0,
    }));
  }

  async affectedBy(namespace: string, packageName: string): Promise<AffectedPackage[]> {
    return this.byKey.get(key(namespace, packageName)) ?? [];
  }

  async affectedByMany(
    keys: readonly { namespace: string; package: string }[],
  ): Promise<Map<string, AffectedPackage[]>> {
    const out = new Map<string, AffectedPackage[]>();
    for (const k of keys) {
      const found = this.byKey.get(key(k.namespace, k.package));
      if (found) out.set(key(k.namespace, k.package), found);
    }
    return out;
  }

  async vulnerabilities(ids: readonly string[]): Promise<Map<string, StoredVulnerability>> {
    const out = new Map<string, StoredVulnerability>();
    for (const id of ids) {
      const v = this.vulns.get(id);
      if (v) out.set(id, v);
    }
    return out;
  }

  async namespaces(): Promise<string[]> {
    return [...new Set([...this.byKey.values()].flat().map((a) => a.namespace))].sort();
  }

  async status(): Promise<DatabaseStatus> {
    const lastSync = this.providers
      .map((p) => p.lastSync)
      .sort()
      .at(-1);
    const status: DatabaseStatus = {
      location: this.location,
      schemaVersion: 1,
      providers: this.providers,
      epss: { scores: 0 },
      kev: { entries: 0 },
    };
    if (lastSync) status.lastSync = lastSync;
    return status;
  }

  async begin(): Promise<WriteSession> {
    throw new Error('MemoryVulnStore is read-only');
  }

  async generation(): Promise<number> {
    return 0;
  }

  async syncState(): Promise<string | undefined> {
    return undefined;
  }

  async close(): Promise<void> {}
}

/** A minimal SBOM around `packages` for matcher and scan tests. */
export function sbomWith(
  packages: import('../../src/model/package.js').Package[],
  distro: import('../../src/model/distro.js').Distro | null,
): import('../../src/model/sbom.js').Sbom {
  return {
    schema: 'customs-sbom/1',
    descriptor: { name: 'customs', version: '0.0.0', timestamp: '2026-01-01T00:00:00.000Z' },
    scope: 'squashed',
    source: {
      type: 'oci-dir',
      reference: 'oci-dir:/tmp/img:latest',
      digest: 'sha256:' + 'a'.repeat(64),
      layers: [],
    },
    distro,
    packages,
    relationships: [],
    image: null,
    files: [],
    secrets: [],
    users: [],
    groups: [],
    retrievedFiles: [],
    contentMatches: [],
    malware: [],
    unknowns: [],
    warnings: [],
  };
}

let counter = 0;

/** A package with a unique id and one location. */
export function pkg(
  type: import('../../src/model/package.js').PackageType,
  name: string,
  version: string,
  fields: Partial<import('../../src/model/package.js').Package> = {},
): import('../../src/model/package.js').Package {
  counter++;
  return {
    id: `${type}-${name}-${version}-${counter}`,
    name,
    version,
    type,
    locations: [{ path: `/var/lib/${type}/${name}` }],
    foundBy: 'test',
    ...fields,
  };
}
