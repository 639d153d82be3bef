import type pg from 'pg';
import type { AffectedRow, CvssRow, VulnerabilityRow } from '../rows/record-rows.js';
import { CHILD_TABLES } from '../schema/schema-v1.js';

/** One vulnerability waiting in a session's buffer, with everything written beside it. */
export interface PendingVulnerability {
  /** First write of this (provider, id) in the session: replaces what was there. */
  first: boolean;
  row: VulnerabilityRow;
  aliases: string[];
  references: string[];
  cvss: CvssRow[];
  affected: AffectedRow[];
}

function column<T>(rows: readonly T[], pick: (row: T) => unknown): unknown[] {
  return rows.map(pick);
}

/** Writes a batch with one statement per table (arrays unnested server-side). */
export async function flushVulnerabilities(
  client: pg.PoolClient,
  batch: readonly PendingVulnerability[],
  gen: number,
): Promise<void> {
  const fresh = batch.filter((p) => p.first);
  if (fresh.length > 0) {
    const providers = column(fresh, (p) => p.row.provider);
    const ids = column(fresh, (p) => p.row.id);
    for (const table of CHILD_TABLES) {
      await client.query(
        `DELETE FROM ${table} t USING unnest($1::text[], $2::text[]) AS k(provider, id)
         WHERE t.provider = k.provider AND t.vulnerability_id = k.id`,
        [providers, ids],
      );
    }
  }
  const fields = ['summary', 'description', 'severity', 'published', 'modified', 'withdrawn'] as const;
  for (const replace of [true, false]) {
    const part = batch.filter((p) => p.first === replace).map((p) => p.row);
    if (part.length === 0) continue;
    const set = fields
      .map((f) =>
        replace || f === 'severity' || f === 'withdrawn'
          ? `${f} = excluded.${f}`
          : `${f} = coalesce(excluded.${f}, vulnerabilities.${f})`,
      )
      .join(', ');
    await client.query(
      `INSERT INTO vulnerabilities (provider, id, summary, description, severity, published, modified, withdrawn, gen)
       SELECT *, $9::bigint FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
         $7::text[], $8::text[])
       ON CONFLICT (provider, id) DO UPDATE SET ${set}, gen = excluded.gen`,
      [
        column(part, (r) => r.provider),
        column(part, (r) => r.id),
        ...fields.map((f) => column(part, (r) => r[f])),
        gen,
      ],
    );
  }
  const pairs = (pick: (p: PendingVulnerability) => string[]): [unknown[], unknown[], unknown[]] => {
    const out: [unknown[], unknown[], unknown[]] = [[], [], []];
    for (const p of batch) {
      for (const value of pick(p)) {
        out[0].push(p.row.provider);
        out[1].push(p.row.id);
        out[2].push(value);
      }
    }
    return out;
  };
  await client.query(
    `INSERT INTO aliases (provider, vulnerability_id, alias)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) ON CONFLICT DO NOTHING`,
    pairs((p) => p.aliases),
  );
  await client.query(
    `INSERT INTO vuln_references (provider, vulnerability_id, url)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) ON CONFLICT DO NOTHING`,
    pairs((p) => p.references),
  );
  const cvss = batch.flatMap((p) => p.cvss);
  if (cvss.length > 0) {
    await client.query(
      `INSERT INTO cvss (provider, vulnerability_id, version, vector, base_score, source)
       SELECT n.* FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::float8[], $6::text[])
         AS n(provider, vulnerability_id, version, vector, base_score, source)
       WHERE NOT EXISTS (SELECT 1 FROM cvss c WHERE c.provider = n.provider
         AND c.vulnerability_id = n.vulnerability_id AND c.vector = n.vector)`,
      [
        column(cvss, (c) => c.provider),
        column(cvss, (c) => c.vulnerability_id),
        column(cvss, (c) => c.version),
        column(cvss, (c) => c.vector),
        column(cvss, (c) => c.base_score),
        column(cvss, (c) => c.source),
      ],
    );
  }
  const affected = batch.flatMap((p) => p.affected);
  if (affected.length > 0) {
    const names = [
      'provider',
      'vulnerability_id',
      'namespace',
      'package',
      'scheme',
      'ranges',
      'versions',
      'constraints',
      'fix_state',
      'fixed_versions',
      'severity',
      'fix_published',
    ] as const;
    await client.query(
      `INSERT INTO affected (${names.join(', ')})
       SELECT * FROM unnest(${names.map((_, i) => `$${i + 1}::text[]`).join(', ')})`,
      names.map((n) => column(affected, (a) => a[n])),
    );
  }
}

/** EPSS or KEV rows (already unique per CVE), inserted or replaced. */
export async function upsertScores(
  client: pg.PoolClient,
  table: 'epss' | 'kev',
  rows: readonly Record<string, unknown>[],
  gen: number,
): Promise<void> {
  const spec =
    table === 'epss'
      ? {
          names: ['cve', 'score', 'percentile', 'score_date', 'provider'],
          types: ['text', 'float8', 'float8', 'text', 'text'],
        }
      : {
          names: ['cve', 'date_added', 'due_date', 'ransomware', 'vendor_project', 'product', 'provider'],
          types: ['text', 'text', 'text', 'int4', 'text', 'text', 'text'],
        };
  const n = spec.names.length;
  await client.query(
    `INSERT INTO ${table} (${spec.names.join(', ')}, gen)
     SELECT *, $${n + 1}::bigint FROM unnest(${spec.types.map((t, i) => `$${i + 1}::${t}[]`).join(', ')})
     ON CONFLICT (cve) DO UPDATE SET ${spec.names
       .slice(1)
       .map((c) => `${c} = excluded.${c}`)
       .join(', ')}, gen = excluded.gen`,
    [...spec.names.map((name) => rows.map((r) => r[name] ?? null)), gen],
  );
}
