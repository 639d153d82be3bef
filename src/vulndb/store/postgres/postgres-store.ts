import type pg from 'pg';
import type { AffectedPackage } from '../../model.js';
import { mergeSameId } from '../rows/merge-vulnerabilities.js';
import {
  affectedFromRow,
  packageKey,
  vulnerabilityFromRows,
  type AffectedRow,
  type CvssRow,
  type EpssRow,
  type KevRow,
  type VulnerabilityRow,
} from '../rows/record-rows.js';
import { attachExploitData } from '../rows/exploit-data.js';
import { META_GENERATION, META_KEV_CATALOG_VERSION } from '../schema/schema-v1.js';
import { buildStatus } from '../rows/build-status.js';
import type { DatabaseStatus, StoredVulnerability, VulnStore, WriteSession } from '../types.js';
import { pgError } from './connect.js';
import { PostgresWriteSession } from './postgres-write-session.js';

const LIVE = `NOT EXISTS (SELECT 1 FROM vulnerabilities v WHERE v.provider = a.provider
  AND v.id = a.vulnerability_id AND v.withdrawn IS NOT NULL)`;

export class PostgresStore implements VulnStore {
  constructor(
    private readonly pool: pg.Pool,
    readonly location: string,
  ) {}

  async affectedBy(namespace: string, packageName: string): Promise<AffectedPackage[]> {
    const rows = await this.query<AffectedRow>(
      `SELECT a.* FROM affected a WHERE a.namespace = $1 AND a.package = $2 AND ${LIVE}`,
      [namespace, packageName],
    );
    return rows.map(affectedFromRow);
  }

  async affectedByMany(
    keys: readonly { namespace: string; package: string }[],
  ): Promise<Map<string, AffectedPackage[]>> {
    const out = new Map<string, AffectedPackage[]>();
    for (const k of keys) out.set(packageKey(k.namespace, k.package), []);
    if (keys.length === 0) return out;
    const rows = await this.query<AffectedRow>(
      `SELECT a.* FROM affected a
       JOIN (SELECT DISTINCT * FROM unnest($1::text[], $2::text[])) AS k(namespace, package)
         ON a.namespace = k.namespace AND a.package = k.package
       WHERE ${LIVE}`,
      [keys.map((k) => k.namespace), keys.map((k) => k.package)],
    );
    for (const row of rows) out.get(packageKey(row.namespace, row.package))?.push(affectedFromRow(row));
    return out;
  }

  async vulnerabilities(ids: readonly string[]): Promise<Map<string, StoredVulnerability>> {
    const out = new Map<string, StoredVulnerability>();
    const unique = [...new Set(ids)];
    if (unique.length === 0) return out;
    // EPSS and KEV by CVE: the ids that are CVEs and the CVEs the others alias (see exploitCves).
    const exploitWhere = `cve = ANY($1) OR cve IN (SELECT alias FROM aliases WHERE vulnerability_id = ANY($1))`;
    const [rows, aliases, refs, cvss, epssRows, kevRows] = await Promise.all([
      this.query<VulnerabilityRow>('SELECT * FROM vulnerabilities WHERE id = ANY($1)', [unique]),
      this.query<{ provider: string; vulnerability_id: string; alias: string }>(
        'SELECT * FROM aliases WHERE vulnerability_id = ANY($1)',
        [unique],
      ),
      this.query<{ provider: string; vulnerability_id: string; url: string }>(
        'SELECT * FROM vuln_references WHERE vulnerability_id = ANY($1)',
        [unique],
      ),
      this.query<CvssRow>('SELECT * FROM cvss WHERE vulnerability_id = ANY($1)', [unique]),
      this.query<EpssRow>(`SELECT * FROM epss WHERE ${exploitWhere}`, [unique]),
      this.query<KevRow>(`SELECT * FROM kev WHERE ${exploitWhere}`, [unique]),
    ]);
    const epss = new Map(epssRows.map((row) => [row.cve, row]));
    const kev = new Map(kevRows.map((row) => [row.cve, row]));
    const byId = new Map<string, VulnerabilityRow[]>();
    for (const r of rows) byId.set(r.id, [...(byId.get(r.id) ?? []), r]);
    for (const [id, group] of byId) {
      const merged = mergeSameId(
        group.map((r) => {
          const mine = (x: { provider: string; vulnerability_id: string }): boolean =>
            x.provider === r.provider && x.vulnerability_id === r.id;
          return vulnerabilityFromRows(
            r,
            aliases.filter(mine).map((a) => a.alias),
            cvss.filter(mine),
            refs.filter(mine).map((x) => x.url),
          );
        }),
      )!;
      attachExploitData(merged, epss, kev);
      out.set(id, merged);
    }
    return out;
  }

  async namespaces(): Promise<string[]> {
    const rows = await this.query<{ namespace: string }>(
      'SELECT DISTINCT namespace FROM affected ORDER BY namespace',
      [],
    );
    return rows.map((r) => r.namespace);
  }

  async status(): Promise<DatabaseStatus> {
    const [providers, epss, kev, kevVersion] = await Promise.all([
      this.query<{
        name: string;
        last_sync: string;
        source: string | null;
        rejected: number;
        vulnerabilities: string;
        affected: string;
      }>(
        `SELECT p.name, p.last_sync, p.source, p.rejected,
           (SELECT count(*) FROM vulnerabilities v WHERE v.provider = p.name) AS vulnerabilities,
           (SELECT count(*) FROM affected a WHERE a.provider = p.name) AS affected
         FROM providers p ORDER BY p.name COLLATE "C"`,
        [],
      ),
      this.query<{ n: string; d: string | null }>('SELECT count(*) AS n, max(score_date) AS d FROM epss', []),
      this.query<{ n: string }>('SELECT count(*) AS n FROM kev', []),
      this.query<{ value: string }>('SELECT value FROM meta WHERE key = $1', [META_KEV_CATALOG_VERSION]),
    ]);
    return buildStatus(this.location, providers, epss[0]!, kev[0]!.n, kevVersion[0]?.value);
  }

  async syncState(key: string): Promise<string | undefined> {
    const rows = await this.query<{ state: string }>('SELECT state FROM sync_state WHERE provider = $1', [
      key,
    ]);
    return rows[0]?.state;
  }

  async generation(): Promise<number> {
    const rows = await this.query<{ value: string }>('SELECT value FROM meta WHERE key = $1', [
      META_GENERATION,
    ]);
    return Number(rows[0]?.value ?? '0');
  }

  begin(): Promise<WriteSession> {
    return PostgresWriteSession.start(this.pool, this.location);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  private async query<T>(sql: string, params: unknown[]): Promise<T[]> {
    try {
      return (await this.pool.query(sql, params)).rows as T[];
    } catch (err) {
      throw pgError(this.location, 'read', err);
    }
  }
}
