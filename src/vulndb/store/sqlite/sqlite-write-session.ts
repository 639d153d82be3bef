import type Database from 'better-sqlite3';
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
import { wrap, type SqliteDatabase } from './open-database.js';

type Statement = Database.Statement<unknown[], unknown>;

/**
 * One SQLite transaction (BEGIN IMMEDIATE … COMMIT). The rollback journal is what makes a kill
 * before COMMIT leave the file as it was: the next opener rolls the hot journal back.
 */
export class SqliteWriteSession implements WriteSession {
  private readonly gen: number;
  private readonly seen = new Set<string>();
  private readonly s: Record<string, Statement>;
  private open = true;
  private readonly tracker: ChangeTracker;

  constructor(
    private readonly db: SqliteDatabase,
    private readonly file: string,
    private readonly onEnd: () => void,
  ) {
    try {
      db.exec('BEGIN IMMEDIATE');
      const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(META_GENERATION) as
        { value: string } | undefined;
      this.gen = Number(row?.value ?? '0') + 1;
      db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run(
        META_GENERATION,
        String(this.gen),
      );
      db.exec(RECORD_DIGESTS_TABLE);
      this.tracker = new ChangeTracker(trackerSql(db));
    } catch (err) {
      if (db.inTransaction) db.exec('ROLLBACK');
      onEnd();
      throw wrap(file, 'write', err);
    }
    this.s = prepareAll(db);
  }

  async putVulnerability(v: Vulnerability, affected: readonly AffectedPackage[]): Promise<void> {
    this.guard(() => undefined);
    await this.tracked(() => this.tracker.noteVulnerability(v, affected));
    this.guard(() => {
      const key = `${v.provider}\u0000${v.id}`;
      const first = !this.seen.has(key);
      if (first) {
        this.seen.add(key);
        for (const table of CHILD_TABLES) this.s[`delete_${table}`]!.run(v.provider, v.id);
      }
      this.s[first ? 'replaceVulnerability' : 'upsertVulnerability']!.run({
        ...vulnerabilityRow(v),
        gen: this.gen,
      });
      for (const alias of v.aliases) if (alias !== v.id) this.s.insertAlias!.run(v.provider, v.id, alias);
      for (const url of v.references) this.s.insertReference!.run(v.provider, v.id, url);
      for (const c of cvssRows(v)) this.s[first ? 'insertCvss' : 'insertCvssIfNew']!.run(c);
      for (const a of affected) this.s.insertAffected!.run(affectedRow(a, v.provider, v.id));
    });
  }

  async putEpss(score: EpssScore, provider = 'epss'): Promise<void> {
    this.guard(() => this.s.upsertEpss!.run({ ...epssRow(score), provider, gen: this.gen }));
  }

  async putKev(entry: KevEntry, provider = 'kev'): Promise<void> {
    this.guard(() => undefined);
    await this.tracked(() => this.tracker.noteKev(entry, provider));
    this.guard(() => this.s.upsertKev!.run({ ...kevRow(entry), provider, gen: this.gen }));
  }

  async setKevCatalogVersion(version: string): Promise<void> {
    this.guard(() => this.s.setMeta!.run(META_KEV_CATALOG_VERSION, version));
  }

  async setSyncState(key: string, value: string | undefined): Promise<void> {
    this.guard(() => {
      if (value === undefined) this.s.deleteSync!.run(key);
      else this.s.setSync!.run(key, value, new Date().toISOString());
    });
  }

  async replaceProvider(provider: string): Promise<void> {
    this.guard(() => undefined);
    await this.tracked(() => this.tracker.noteReplacement(provider, this.gen));
    this.guard(() => {
      for (const table of CHILD_TABLES) this.s[`replace_${table}`]!.run(provider, provider, this.gen);
      this.s.replaceVulnerabilities!.run(provider, this.gen);
      this.s.replaceEpss!.run(provider, this.gen);
      this.s.replaceKev!.run(provider, this.gen);
    });
  }

  async recordProvider(status: Omit<ProviderStatus, 'vulnerabilities' | 'affected'>): Promise<void> {
    this.guard(() =>
      this.s.upsertProvider!.run(status.provider, status.lastSync, status.source ?? null, status.rejected),
    );
  }

  async commit(): Promise<void> {
    this.guard(() => undefined);
    await this.tracked(() => this.tracker.settle());
    this.guard(() => this.db.exec('COMMIT'));
    this.end();
  }

  async rollback(): Promise<void> {
    if (!this.open) return;
    try {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
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
      throw wrap(this.file, 'write', err);
    }
  }

  private end(): void {
    this.open = false;
    this.onEnd();
  }

  private guard(action: () => unknown): void {
    if (!this.open) throw new DatabaseError('write session already committed or rolled back');
    try {
      action();
    } catch (err) {
      throw wrap(this.file, 'write', err);
    }
  }
}

/** The tracker's SQL on this connection (synchronous underneath), statements prepared once. */
function trackerSql(db: SqliteDatabase): TrackerSql {
  const prepared = new Map<string, Statement>();
  const statement = (sql: string): Statement => {
    let s = prepared.get(sql);
    if (!s) {
      s = db.prepare(sql);
      if (prepared.size < 64) prepared.set(sql, s);
    }
    return s;
  };
  return {
    all: (sql, params) => Promise.resolve(statement(sql).all(...params) as Record<string, unknown>[]),
    run: async (sql, params) => {
      if (params.length === 0 && /^\s*CREATE/i.test(sql)) db.exec(sql);
      else statement(sql).run(...params);
    },
  };
}

function prepareAll(db: SqliteDatabase): Record<string, Statement> {
  const s: Record<string, Statement> = {
    replaceVulnerability: db.prepare(
      `INSERT OR REPLACE INTO vulnerabilities (provider, id, summary, description, severity, published, modified,
         withdrawn, gen)
       VALUES (@provider, @id, @summary, @description, @severity, @published, @modified, @withdrawn, @gen)`,
    ),
    upsertVulnerability: db.prepare(
      `INSERT INTO vulnerabilities (provider, id, summary, description, severity, published, modified, withdrawn, gen)
       VALUES (@provider, @id, @summary, @description, @severity, @published, @modified, @withdrawn, @gen)
       ON CONFLICT (provider, id) DO UPDATE SET summary = coalesce(excluded.summary, summary),
         description = coalesce(excluded.description, description), severity = excluded.severity,
         published = coalesce(excluded.published, published), modified = coalesce(excluded.modified, modified),
         withdrawn = excluded.withdrawn, gen = excluded.gen`,
    ),
    insertAlias: db.prepare(
      'INSERT OR IGNORE INTO aliases (provider, vulnerability_id, alias) VALUES (?, ?, ?)',
    ),
    insertReference: db.prepare(
      'INSERT OR IGNORE INTO vuln_references (provider, vulnerability_id, url) VALUES (?, ?, ?)',
    ),
    insertCvss: db.prepare(
      `INSERT INTO cvss (provider, vulnerability_id, version, vector, base_score, source)
       VALUES (@provider, @vulnerability_id, @version, @vector, @base_score, @source)`,
    ),
    insertCvssIfNew: db.prepare(
      `INSERT INTO cvss (provider, vulnerability_id, version, vector, base_score, source)
       SELECT @provider, @vulnerability_id, @version, @vector, @base_score, @source
       WHERE NOT EXISTS (SELECT 1 FROM cvss WHERE provider = @provider AND vulnerability_id = @vulnerability_id
                         AND vector = @vector)`,
    ),
    insertAffected: db.prepare(
      `INSERT INTO affected (provider, vulnerability_id, namespace, package, scheme, ranges, versions, constraints,
         fix_state, fixed_versions, severity, fix_published)
       VALUES (@provider, @vulnerability_id, @namespace, @package, @scheme, @ranges, @versions, @constraints,
         @fix_state, @fixed_versions, @severity, @fix_published)`,
    ),
    upsertEpss: db.prepare(
      `INSERT OR REPLACE INTO epss (cve, score, percentile, score_date, provider, gen)
       VALUES (@cve, @score, @percentile, @score_date, @provider, @gen)`,
    ),
    upsertKev: db.prepare(
      `INSERT OR REPLACE INTO kev (cve, date_added, due_date, ransomware, vendor_project, product, provider, gen)
       VALUES (@cve, @date_added, @due_date, @ransomware, @vendor_project, @product, @provider, @gen)`,
    ),
    setMeta: db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)'),
    setSync: db.prepare('INSERT OR REPLACE INTO sync_state (provider, state, updated) VALUES (?, ?, ?)'),
    deleteSync: db.prepare('DELETE FROM sync_state WHERE provider = ?'),
    replaceVulnerabilities: db.prepare('DELETE FROM vulnerabilities WHERE provider = ? AND gen <> ?'),
    replaceEpss: db.prepare('DELETE FROM epss WHERE provider = ? AND gen <> ?'),
    replaceKev: db.prepare('DELETE FROM kev WHERE provider = ? AND gen <> ?'),
    upsertProvider: db.prepare(
      'INSERT OR REPLACE INTO providers (name, last_sync, source, rejected) VALUES (?, ?, ?, ?)',
    ),
  };
  for (const table of CHILD_TABLES) {
    s[`delete_${table}`] = db.prepare(`DELETE FROM ${table} WHERE provider = ? AND vulnerability_id = ?`);
    s[`replace_${table}`] = db.prepare(
      `DELETE FROM ${table} WHERE provider = ? AND vulnerability_id IN
         (SELECT id FROM vulnerabilities WHERE provider = ? AND gen <> ?)`,
    );
  }
  return s;
}
