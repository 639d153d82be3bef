import type { ImportSummary } from '../../vulndb/import/index.js';
import type { DatabaseStatus } from '../../vulndb/store/types.js';
import type { SyncResult } from '../../vulndb/sync/index.js';

/** How many rejection reasons `db import` shows per provider. */
const SHOWN_REASONS = 3;

export function importReport(summary: ImportSummary, location: string): string {
  const lines: string[] = [];
  const total = Object.values(summary.records).reduce((a, b) => a + b, 0);
  const rate = summary.seconds > 0 ? Math.round(total / summary.seconds) : total;
  lines.push(
    `imported ${fmt(total)} records from ${fmt(summary.files)} files into ${location} ` +
      `in ${summary.seconds.toFixed(1)} s (${fmt(rate)} records/s)`,
  );
  for (const [provider, n] of Object.entries(summary.records).sort()) lines.push(`  ${provider}: ${fmt(n)}`);
  if (summary.skipped > 0) lines.push(`skipped ${fmt(summary.skipped)} files no feed format claimed`);
  for (const [provider, r] of Object.entries(summary.rejected).sort()) {
    lines.push(`rejected ${fmt(r.count)} from ${provider}:`);
    for (const s of r.samples.slice(0, SHOWN_REASONS)) lines.push(`  ${s.location}: ${s.reason}`);
    if (r.count > SHOWN_REASONS) lines.push(`  … and ${fmt(r.count - SHOWN_REASONS)} more`);
  }
  return `${lines.join('\n')}\n`;
}

export function statusTable(status: DatabaseStatus): string {
  const rows = [['PROVIDER', 'VULNERABILITIES', 'AFFECTED', 'REJECTED', 'LAST SYNC', 'SOURCE']];
  for (const p of status.providers) {
    rows.push([
      p.provider,
      fmt(p.vulnerabilities),
      fmt(p.affected),
      fmt(p.rejected),
      p.lastSync,
      p.source ?? '',
    ]);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const table = rows.map((r) =>
    r
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd(),
  );
  const head = [`database: ${status.location} (schema ${status.schemaVersion})`];
  if (status.lastSync) head.push(`last sync: ${status.lastSync}`);
  head.push(`EPSS: ${fmt(status.epss.scores)} scores${status.epss.date ? `, ${status.epss.date}` : ''}`);
  head.push(
    `KEV: ${fmt(status.kev.entries)} entries${status.kev.catalogVersion ? `, catalog ${status.kev.catalogVersion}` : ''}`,
  );
  if (status.providers.length === 0)
    return `${head.join('\n')}\nno providers yet: run 'customs db update' or 'customs db import'\n`;
  return `${head.join('\n')}\n\n${table.join('\n')}\n`;
}

export function syncReport(result: SyncResult): string {
  const lines: string[] = [];
  for (const { unit, summary } of result.done) {
    const total = Object.values(summary.records).reduce((a, b) => a + b, 0);
    const rejected = Object.values(summary.rejected).reduce((a, r) => a + r.count, 0);
    lines.push(`${unit}: ${fmt(total)} records${rejected > 0 ? `, ${fmt(rejected)} rejected` : ''}`);
  }
  for (const unit of result.resumed) lines.push(`${unit}: already done by the interrupted run`);
  for (const f of result.failed)
    lines.push(
      `${f.unit}: FAILED: ${f.reason}${f.previousData ? ' (previous data kept)' : ' (no data for it)'}`,
    );
  if (result.staleRemoved.length)
    lines.push(`removed ${result.staleRemoved.length} work files left by killed runs`);
  lines.push(`sync took ${result.seconds.toFixed(1)} s`);
  return `${lines.join('\n')}\n`;
}

function fmt(n: number): string {
  return n.toLocaleString('en-US');
}
