import Database from 'better-sqlite3';
import { DatabaseError } from '../../../errors/index.js';
import type { AffectedPackage } from '../../model.js';
import { attachExploitData, exploitCves } from '../rows/exploit-data.js';
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
import { META_GENERATION, META_KEV_CATALOG_VERSION } from '../schema/schema-v1.js';
import { buildStatus } from '../rows/build-status.js';
import type { DatabaseStatus, StoredVulnerability, VulnStore, WriteSession } from '../types.js';
import { wrap, type SqliteDatabase } from './open-database.js';
import { SqliteWriteSession } from './sqlite-write-session.js';
import { byOwner, childRowsSql, ownerKey, type ChildTable } from './child-rows.js';

type Statement = Database.Statement<unknown[], unknown>;

/** Lookups per statement in affectedByMany / vulnerabilities (well under SQLite's 32766 limit). */
const BATCH = 400;

const LIVE_AFFECTED = `SELECT a.* FROM affected a WHERE %WHERE% AND NOT EXISTS (
  SELECT 1 FROM vulnerabilities v WHERE v.provider = a.provider AND v.id = a.vulnerability_id
  AND v.withdrawn IS NOT NULL)`;

/** Prepared statements a store keeps (see cached). */
const MAX_STATEMENTS = 256;

export class SqliteStore implements VulnStore {
  readonly location: string;
  private readonly one: Statement;
  private readonly batches = new Map<string, Statement>();
  private writing = false;

  constructor(
    private readonly db: SqliteDatabase,
    private readonly file: string,
    private readonly readonly: boolean,
  ) {
    this.location = `sqlite:${file}`;
    this.one = db.prepare(LIVE_AFFECTED.replace('%WHERE%', 'a.namespace = ? AND a.package = ?'));
  }

  async affectedBy(namespace: string, packageName: string): Promise<AffectedPackage[]> {
    return this.read(() => (this.one.all(namespace, packageName) as AffectedRow[]).map(affectedFromRow));
  }

  async affectedByMany(
    keys: readonly { namespace: string; package: string }[],
  ): Promise<Map<string, AffectedPackage[]>> {
    const out = new Map<string, AffectedPackage[]>();
    for (const k of keys) out.set(packageKey(k.namespace, k.package), []);
    const unique = [...new Map(keys.map((k) => [packageKey(k.namespace, k.package), k])).values()];
    return this.read(() => {
      for (let i = 0; i < unique.length; i += BATCH) {
        const chunk = unique.slice(i, i + BATCH);
        const rows = this.batchStatement('affected', chunk.length).all(
          chunk.flatMap((k) => [k.namespace, k.package]),
        ) as AffectedRow[];
        for (const row of rows) out.get(packageKey(row.namespace, row.package))?.push(affectedFromRow(row));
      }
      return out;
    });
  }

  async vulnerabilities(ids: readonly string[]): Promise<Map<string, StoredVulnerability>> {
    const out = new Map<string, StoredVulnerability>();
    const unique = [...new Set(ids)];
    return this.read(() => {
      for (let i = 0; i < unique.length; i += BATCH) {
        const chunk = unique.slice(i, i + BATCH);
        const rows = this.batchStatement('vulnerabilities', chunk.length).all(chunk) as VulnerabilityRow[];
        const providers = [...new Set(rows.map((r) => r.provider))];
        const aliases = byOwner(
          this.childRows('aliases', providers, chunk) as {
            provider: string;
            vulnerability_id: string;
            alias: string;
          }[],
        );
        const refs = byOwner(
          this.childRows('vuln_references', providers, chunk) as {
            provider: string;
            vulnerability_id: string;
            url: string;
          }[],
        );
        const cvss = byOwner(this.childRows('cvss', providers, chunk) as CvssRow[]);
        const cves = [
          ...new Set(
            rows.flatMap((r) =>
              exploitCves(
                r.id,
                (aliases.get(ownerKey(r.provider, r.id)) ?? []).map((a) => a.alias),
              ),
            ),
          ),
        ];
        const epss = new Map<string, EpssRow>();
        const kev = new Map<string, KevRow>();
        for (let j = 0; j < cves.length; j += BATCH) {
          const part = cves.slice(j, j + BATCH);
          for (const row of this.batchStatement('epss', part.length).all(part) as EpssRow[])
            epss.set(row.cve, row);
          for (const row of this.batchStatement('kev', part.length).all(part) as KevRow[])
            kev.set(row.cve, row);
        }
        const byId = new Map<string, VulnerabilityRow[]>();
        for (const r of rows) byId.set(r.id, [...(byId.get(r.id) ?? []), r]);
        for (const [id, group] of byId) {
          const records = group.map((r) => {
            const mine = ownerKey(r.provider, r.id);
            return vulnerabilityFromRows(
              r,
              (aliases.get(mine) ?? []).map((a) => a.alias),
              cvss.get(mine) ?? [],
              (refs.get(mine) ?? []).map((x) => x.url),
            );
          });
          const merged = mergeSameId(records)!;
          attachExploitData(merged, epss, kev);
          out.set(id, merged);
        }
      }
      return out;
    });
  }

  async namespaces(): Promise<string[]> {
    return this.read(() =>
      (
        this.db.prepare('SELECT DISTINCT namespace FROM affected ORDER BY namespace').all() as {
          namespace: string;
        }[]
      ).map((r) => r.namespace),
    );
  }

  async status(): Promise<DatabaseStatus> {
    return this.read(() => {
      const providers = this.db
        .prepare(
          `SELECT p.name, p.last_sync, p.source, p.rejected,
             (SELECT count(*) FROM vulnerabilities v WHERE v.provider = p.name) AS vulnerabilities,
             (SELECT count(*) FROM affected a WHERE a.provider = p.name) AS affected
           FROM providers p ORDER BY p.name`,
        )
        .all() as {
        name: string;
        last_sync: string;
        source: string | null;
        rejected: number;
        vulnerabilities: number;
        affected: number;
      }[];
      const epss = this.db.prepare('SELECT count(*) AS n, max(score_date) AS d FROM epss').get() as {
        n: number;
        d: string | null;
      };
      const kev = this.db.prepare('SELECT count(*) AS n FROM kev').get() as { n: number };
      const kevVersion = this.db
        .prepare('SELECT value FROM meta WHERE key = ?')
        .get(META_KEV_CATALOG_VERSION) as { value: string } | undefined;
      return buildStatus(this.location, providers, epss, kev.n, kevVersion?.value);
    });
  }

  async syncState(key: string): Promise<string | undefined> {
    return this.read(
      () =>
        (
          this.db.prepare('SELECT state FROM sync_state WHERE provider = ?').get(key) as
            { state: string } | undefined
        )?.state,
    );
  }

  async generation(): Promise<number> {
    return this.read(() => {
      const row = this.cached('generation', () => 'SELECT value FROM meta WHERE key = ?').get(
        META_GENERATION,
      ) as { value: string } | undefined;
      return Number(row?.value ?? '0');
    });
  }

  async begin(): Promise<WriteSession> {
    if (this.readonly) throw new DatabaseError(`${this.file} is open read-only`);
    if (this.writing) throw new DatabaseError(`${this.file}: another write session is open`);
    // A file database writes through its own connection, so this store's readers keep seeing
    // the committed state until COMMIT; an in-memory one can only share its connection.
    const memory = this.file === ':memory:';
    const db = memory ? this.db : openWriter(this.file);
    this.writing = true;
    return new SqliteWriteSession(db, this.file, () => {
      this.writing = false;
      if (!memory) db.close();
    });
  }

  async close(): Promise<void> {
    this.db.close();
  }

  private batchStatement(kind: 'affected' | 'vulnerabilities' | 'epss' | 'kev', n: number): Statement {
    return this.cached(`${kind}:${n}`, () => {
      const marks = Array.from({ length: n }, () => '?').join(', ');
      return kind === 'affected'
        ? LIVE_AFFECTED.replace(
            '%WHERE%',
            `(a.namespace, a.package) IN (VALUES ${Array.from({ length: n }, () => '(?, ?)').join(', ')})`,
          )
        : kind === 'vulnerabilities'
          ? `SELECT * FROM vulnerabilities WHERE id IN (${marks})`
          : `SELECT * FROM ${kind} WHERE cve IN (${marks})`;
    });
  }

  /** A statement prepared once per shape; at most MAX_STATEMENTS kept (a batch size is any 1..BATCH). */
  private cached(key: string, sql: () => string): Statement {
    let statement = this.batches.get(key);
    if (!statement) {
      if (this.batches.size >= MAX_STATEMENTS) this.batches.clear();
      statement = this.db.prepare(sql());
      this.batches.set(key, statement);
    }
    return statement;
  }

  private childRows(table: ChildTable, providers: string[], ids: string[]): unknown[] {
    if (providers.length === 0) return [];
    // Kept with the batch statements: a long-lived reader (a service worker) runs the same
    // few shapes for every scan.
    return this.cached(`${table}:${providers.length}:${ids.length}`, () =>
      childRowsSql(table, providers.length, ids.length),
    ).all(...providers, ...ids);
  }

  private read<T>(action: () => T): T {
    try {
      return action();
    } catch (err) {
      throw wrap(this.file, 'read', err);
    }
  }
}

function openWriter(file: string): SqliteDatabase {
  try {
    const db = new Database(file, { fileMustExist: true });
    db.pragma('busy_timeout = 10000');
    db.pragma('synchronous = FULL');
    // Page cache of the writer (KiB): large, so a big import rarely spills into the file early.
    const cacheKib = Number(process.env.CUSTOMS_SQLITE_CACHE_KIB) || 262144;
    db.pragma(`cache_size = -${cacheKib}`);
    return db;
  } catch (err) {
    throw wrap(file, 'write', err);
  }
}
