import { createHash } from 'node:crypto';
import type { AffectedPackage, KevEntry, Vulnerability } from '../../model.js';
import { affectedRow, cvssRows, kevRow, vulnerabilityRow } from '../rows/record-rows.js';

/** (namespace, package) pairs whose matching data a committed write session changed. */
export interface PackageChanges {
  /**
   * false when the session could not tell what changed (a provider written before change
   * tracking existed): a reader must then treat every package as changed.
   */
  complete: boolean;
  packages: { namespace: string; package: string }[];
}

export const NO_CHANGES: PackageChanges = Object.freeze({ complete: true, packages: [] });

/** Both stores' SQL as the tracker needs it: `?` placeholders, rows as plain objects. */
export interface TrackerSql {
  all(sql: string, params: readonly unknown[]): Promise<Record<string, unknown>[]>;
  run(sql: string, params: readonly unknown[]): Promise<void>;
}

/** The digests table: what each record's content hashed to when it was last written. */
export const RECORD_DIGESTS_TABLE = `CREATE TABLE IF NOT EXISTS record_digests (
  provider TEXT NOT NULL, id TEXT NOT NULL, digest TEXT NOT NULL, packages TEXT NOT NULL,
  PRIMARY KEY (provider, id))`;

const CHUNK = 400;
const KEV_PREFIX = 'kev:';
const pairKey = (namespace: string, name: string): string => `${namespace}\u0000${name}`;

interface Noted {
  digest: string;
  packages: Set<string>;
}

/**
 * Tells which (namespace, package) pairs one write session changed, cheaply: each written
 * record's content is hashed as it is put and compared at commit with the hash stored when it
 * was last written (record_digests), so re-importing identical data changes nothing. A changed
 * or deleted record changes its old and new affected pairs, and the pairs of every record that
 * names it (its id or an alias): their severity falls back on it. A KEV entry added, changed or
 * removed changes the pairs of its CVE the same way. EPSS scores are not tracked: matching does
 * not read them, and they change daily for nearly every CVE.
 */
export class ChangeTracker {
  private readonly records = new Map<string, Noted>();
  private readonly kev = new Map<string, { provider: string; digest: string }>();
  private readonly changedIds = new Set<string>();
  private readonly pairs = new Set<string>();
  private readonly checkedProviders = new Set<string>();
  private complete = true;
  private result: PackageChanges | undefined;

  constructor(private readonly sql: TrackerSql) {}

  async prepare(): Promise<void> {
    await this.sql.run(RECORD_DIGESTS_TABLE, []);
  }

  async noteVulnerability(v: Vulnerability, affected: readonly AffectedPackage[]): Promise<void> {
    await this.checkLegacy(v.provider, 'vulnerabilities', 'provider');
    const key = `${v.provider}\u0000${v.id}`;
    const content = JSON.stringify([
      vulnerabilityRow(v),
      v.aliases,
      v.references,
      cvssRows(v),
      affected.map((a) => affectedRow(a, v.provider, v.id)),
    ]);
    const noted = this.records.get(key) ?? { digest: '', packages: new Set<string>() };
    noted.digest = hash(noted.digest + content);
    for (const a of affected) noted.packages.add(pairKey(a.namespace, a.package));
    this.records.set(key, noted);
  }

  async noteKev(entry: KevEntry, provider: string): Promise<void> {
    await this.checkLegacy(provider, 'kev', 'provider');
    this.kev.set(entry.cve, { provider, digest: hash(JSON.stringify(kevRow(entry))) });
  }

  /** Before replaceProvider deletes the provider's records this session did not write. */
  async noteReplacement(provider: string, gen: number): Promise<void> {
    const gone = await this.sql.all('SELECT id FROM vulnerabilities WHERE provider = ? AND gen <> ?', [
      provider,
      gen,
    ]);
    if (gone.length > 0) {
      const oldPairs = await this.sql.all(
        `SELECT DISTINCT namespace, package FROM affected WHERE provider = ? AND vulnerability_id IN
           (SELECT id FROM vulnerabilities WHERE provider = ? AND gen <> ?)`,
        [provider, provider, gen],
      );
      for (const row of oldPairs) this.pairs.add(pairKey(String(row.namespace), String(row.package)));
      for (const row of gone) this.changedIds.add(String(row.id));
      await this.sql.run(
        `DELETE FROM record_digests WHERE provider = ? AND id IN
           (SELECT id FROM vulnerabilities WHERE provider = ? AND gen <> ?)`,
        [provider, provider, gen],
      );
    }
    const goneKev = await this.sql.all('SELECT cve FROM kev WHERE provider = ? AND gen <> ?', [
      provider,
      gen,
    ]);
    for (const row of goneKev) {
      this.changedIds.add(String(row.cve));
      this.kev.delete(String(row.cve));
    }
    if (goneKev.length > 0)
      await this.sql.run(
        `DELETE FROM record_digests WHERE provider = ? AND id IN
           (SELECT ${concatKev()} FROM kev WHERE provider = ? AND gen <> ?)`,
        [provider, provider, gen],
      );
  }

  /** Just before COMMIT: compares every written record with its stored digest and stores the new ones. */
  async settle(): Promise<PackageChanges> {
    const entries = [...this.records].map(([key, noted]) => {
      const cut = key.indexOf('\u0000');
      return { provider: key.slice(0, cut), id: key.slice(cut + 1), noted };
    });
    for (const e of this.kev.entries())
      entries.push({
        provider: e[1].provider,
        id: KEV_PREFIX + e[0],
        noted: { digest: e[1].digest, packages: new Set() },
      });
    for (let i = 0; i < entries.length; i += CHUNK) {
      const chunk = entries.slice(i, i + CHUNK);
      const stored = await this.sql.all(
        `SELECT provider, id, digest, packages FROM record_digests WHERE ${chunk
          .map(() => '(provider = ? AND id = ?)')
          .join(' OR ')}`,
        chunk.flatMap((e) => [e.provider, e.id]),
      );
      const before = new Map(stored.map((r) => [`${String(r.provider)}\u0000${String(r.id)}`, r]));
      const changed = chunk.filter(
        (e) => before.get(`${e.provider}\u0000${e.id}`)?.digest !== e.noted.digest,
      );
      for (const e of changed) {
        const old = before.get(`${e.provider}\u0000${e.id}`);
        if (old) for (const p of JSON.parse(String(old.packages)) as string[]) this.pairs.add(p);
        for (const p of e.noted.packages) this.pairs.add(p);
        this.changedIds.add(e.id.startsWith(KEV_PREFIX) ? e.id.slice(KEV_PREFIX.length) : e.id);
      }
      if (changed.length > 0)
        await this.sql.run(
          `INSERT INTO record_digests (provider, id, digest, packages) VALUES ${changed
            .map(() => '(?, ?, ?, ?)')
            .join(', ')}
           ON CONFLICT (provider, id) DO UPDATE SET digest = excluded.digest, packages = excluded.packages`,
          changed.flatMap((e) => [e.provider, e.id, e.noted.digest, JSON.stringify([...e.noted.packages])]),
        );
    }
    const ids = [...this.changedIds];
    for (let i = 0; i < ids.length; i += CHUNK) {
      const chunk = ids.slice(i, i + CHUNK);
      const marks = chunk.map(() => '?').join(', ');
      const rows = await this.sql.all(
        `SELECT namespace, package FROM affected WHERE vulnerability_id IN (${marks})
         UNION SELECT a.namespace, a.package FROM affected a JOIN aliases al
           ON al.provider = a.provider AND al.vulnerability_id = a.vulnerability_id WHERE al.alias IN (${marks})`,
        [...chunk, ...chunk],
      );
      for (const row of rows) this.pairs.add(pairKey(String(row.namespace), String(row.package)));
    }
    this.result = {
      complete: this.complete,
      packages: [...this.pairs].sort().map((p) => {
        const cut = p.indexOf('\u0000');
        return { namespace: p.slice(0, cut), package: p.slice(cut + 1) };
      }),
    };
    return this.result;
  }

  /** What settle() found; nothing before it ran (a rolled-back session changed nothing). */
  changes(): PackageChanges {
    return this.result ?? NO_CHANGES;
  }

  /** A provider holding data but no digests was written before tracking existed: changes unknown. */
  private async checkLegacy(
    provider: string,
    table: 'vulnerabilities' | 'kev',
    column: string,
  ): Promise<void> {
    const mark = `${table}\u0000${provider}`;
    if (this.checkedProviders.has(mark)) return;
    this.checkedProviders.add(mark);
    const held = await this.sql.all(`SELECT 1 AS one FROM ${table} WHERE ${column} = ? LIMIT 1`, [provider]);
    if (held.length === 0) return;
    const tracked = await this.sql.all('SELECT 1 AS one FROM record_digests WHERE provider = ? LIMIT 1', [
      provider,
    ]);
    if (tracked.length === 0) this.complete = false;
  }
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('base64');
}

/** 'kev:' || cve in both SQL dialects. */
function concatKev(): string {
  return `'${KEV_PREFIX}' || cve`;
}
