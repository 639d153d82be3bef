import type pg from 'pg';
import { DatabaseError } from '../../../errors/index.js';
import type { AffectedPackage, EpssScore, KevEntry, Vulnerability } from '../../model.js';
import { affectedRow, cvssRows, epssRow, kevRow, vulnerabilityRow } from '../rows/record-rows.js';
import { CHILD_TABLES, META_GENERATION, META_KEV_CATALOG_VERSION } from '../schema/schema-v1.js';
import {
  ChangeTracker,
  RECORD_DIGESTS_TABLE,
  type PackageChanges,
  type TrackerSql,
} from '../changes/change-tracker.js';
import type { ProviderStatus, WriteSession } from '../types.js';
import { pgError } from './connect.js';
import { flushVulnerabilities, upsertScores, type PendingVulnerability } from './batch-writes.js';

const FLUSH_AT = 500;

/**
 * One PostgreSQL transaction on a client of its own. Writes are buffered and sent in batches
 * (a few statements per 500 records, arrays through unnest) so an import is not a round trip
 * per row.
 */
export class PostgresWriteSession implements WriteSession {
  private readonly seen = new Set<string>();
  private pending = new Map<string, PendingVulnerability>();
  private epss = new Map<string, Record<string, unknown>>();
  private kev = new Map<string, Record<string, unknown>>();
  private open = true;
  private readonly tracker: ChangeTracker;

  private constructor(
    private readonly client: pg.PoolClient,
    private readonly location: string,
    private readonly gen: number,
  ) {
    this.tracker = new ChangeTracker(trackerSql(client));
  }

  static async start(pool: pg.Pool, location: string): Promise<PostgresWriteSession> {
    let client: pg.PoolClient;
    try {
      client = await pool.connect();
    } catch (err) {
      throw pgError(location, 'write', err);
    }
    try {
      await client.query('BEGIN');
      const r = await client.query(
        `UPDATE meta SET value = (value::bigint + 1)::text WHERE key = $1 RETURNING value`,
        [META_GENERATION],
      );
      // The generation row just locked serializes write sessions, so one creates it at a time.
      await client.query(RECORD_DIGESTS_TABLE);
      return new PostgresWriteSession(client, location, Number((r.rows[0] as { value: string }).value));
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      client.release();
      throw pgError(location, 'write', err);
    }
  }

  async putVulnerability(v: Vulnerability, affected: readonly AffectedPackage[]): Promise<void> {
    this.check();
    await this.tracked(() => this.tracker.noteVulnerability(v, affected));
    const key = `${v.provider}\u0000${v.id}`;
    const row = vulnerabilityRow(v);
    const aliases = v.aliases.filter((a) => a !== v.id);
    const rows = affected.map((a) => affectedRow(a, v.provider, v.id));
    const existing = this.pending.get(key);
    if (existing) {
      for (const k of Object.keys(row) as (keyof typeof row)[]) {
        if (row[k] !== null || k === 'withdrawn')
          (existing.row as unknown as Record<string, unknown>)[k] = row[k];
      }
      existing.aliases = [...new Set([...existing.aliases, ...aliases])];
      existing.references = [...new Set([...existing.references, ...v.references])];
      for (const c of cvssRows(v))
        if (!existing.cvss.some((e) => e.vector === c.vector)) existing.cvss.push(c);
      existing.affected.push(...rows);
    } else {
      const first = !this.seen.has(key);
      this.seen.add(key);
      const cvss = cvssRows(v).filter((c, i, all) => all.findIndex((x) => x.vector === c.vector) === i);
      this.pending.set(key, {
        first,
        row,
        aliases,
        references: [...new Set(v.references)],
        cvss,
        affected: rows,
      });
    }
    if (this.pending.size >= FLUSH_AT) await this.flush();
  }

  async putEpss(score: EpssScore, provider = 'epss'): Promise<void> {
    this.check();
    this.epss.set(score.cve, { ...epssRow(score), provider });
    if (this.epss.size >= FLUSH_AT * 4) await this.flush();
  }

  async putKev(entry: KevEntry, provider = 'kev'): Promise<void> {
    this.check();
    await this.tracked(() => this.tracker.noteKev(entry, provider));
    this.kev.set(entry.cve, { ...kevRow(entry), provider });
    if (this.kev.size >= FLUSH_AT * 4) await this.flush();
  }

  async setKevCatalogVersion(version: string): Promise<void> {
    await this.run(
      `INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      [META_KEV_CATALOG_VERSION, version],
    );
  }

  async setSyncState(key: string, value: string | undefined): Promise<void> {
    if (value === undefined) await this.run('DELETE FROM sync_state WHERE provider = $1', [key]);
    else {
      await this.run(
        `INSERT INTO sync_state (provider, state, updated) VALUES ($1, $2, $3)
         ON CONFLICT (provider) DO UPDATE SET state = excluded.state, updated = excluded.updated`,
        [key, value, new Date().toISOString()],
      );
    }
  }

  async replaceProvider(provider: string): Promise<void> {
    await this.flush();
    await this.tracked(() => this.tracker.noteReplacement(provider, this.gen));
    for (const table of CHILD_TABLES) {
      await this.run(
        `DELETE FROM ${table} WHERE provider = $1 AND vulnerability_id IN
           (SELECT id FROM vulnerabilities WHERE provider = $1 AND gen <> $2)`,
        [provider, this.gen],
      );
    }
    for (const table of ['vulnerabilities', 'epss', 'kev']) {
      await this.run(`DELETE FROM ${table} WHERE provider = $1 AND gen <> $2`, [provider, this.gen]);
    }
  }

  async recordProvider(status: Omit<ProviderStatus, 'vulnerabilities' | 'affected'>): Promise<void> {
    await this.run(
      `INSERT INTO providers (name, last_sync, source, rejected) VALUES ($1, $2, $3, $4)
       ON CONFLICT (name) DO UPDATE SET last_sync = excluded.last_sync, source = excluded.source,
         rejected = excluded.rejected`,
      [status.provider, status.lastSync, status.source ?? null, status.rejected],
    );
  }

  async commit(): Promise<void> {
    await this.flush();
    await this.tracked(() => this.tracker.settle());
    await this.run('COMMIT', []);
    this.end();
  }

  async rollback(): Promise<void> {
    if (!this.open) return;
    try {
      await this.client.query('ROLLBACK');
    } catch {
      // a broken connection rolls back by itself
    } finally {
      this.end();
    }
  }

  changes(): PackageChanges {
    return this.tracker.changes();
  }

  private async tracked(action: () => Promise<unknown>): Promise<void> {
    try {
      await action();
    } catch (err) {
      await this.rollback();
      throw pgError(this.location, 'write', err);
    }
  }

  private async flush(): Promise<void> {
    this.check();
    try {
      if (this.pending.size > 0) {
        const batch = [...this.pending.values()];
        this.pending = new Map();
        await flushVulnerabilities(this.client, batch, this.gen);
      }
      if (this.epss.size > 0) {
        await upsertScores(this.client, 'epss', [...this.epss.values()], this.gen);
        this.epss = new Map();
      }
      if (this.kev.size > 0) {
        await upsertScores(this.client, 'kev', [...this.kev.values()], this.gen);
        this.kev = new Map();
      }
    } catch (err) {
      await this.rollback();
      throw pgError(this.location, 'write', err);
    }
  }

  private async run(sql: string, params: unknown[]): Promise<void> {
    await this.flush();
    try {
      await this.client.query(sql, params);
    } catch (err) {
      await this.rollback();
      throw pgError(this.location, 'write', err);
    }
  }

  private check(): void {
    if (!this.open) throw new DatabaseError('write session already committed or rolled back');
  }

  private end(): void {
    this.open = false;
    this.client.release();
  }
}

/** The tracker's SQL on the session's client: `?` placeholders numbered for PostgreSQL. */
function trackerSql(client: pg.PoolClient): TrackerSql {
  const numbered = (sql: string): string => {
    let n = 0;
    return sql.replace(/\?/g, () => `$${++n}`);
  };
  return {
    all: async (sql, params) =>
      (await client.query(numbered(sql), [...params])).rows as Record<string, unknown>[],
    run: async (sql, params) => {
      await client.query(numbered(sql), [...params]);
    },
  };
}
