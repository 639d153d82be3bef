import type { Encoder } from '../../../encoder/index.js';
import { driftCounts } from '../../image-drift.js';
import type { ImageDrift } from '../../types.js';

const name = (s: ImageDrift['before']) => s.reference + (s.digest ? ` (${s.digest.slice(0, 19)})` : '');

function section(title: string, rows: string[]): string[] {
  return rows.length === 0 ? [] : ['', `${title} (${rows.length})`, ...rows.map((r) => `  ${r}`)];
}

/** The drift as text: a summary line, then each kind of change that has any. */
export const tableDiff: Encoder<ImageDrift> = {
  name: 'table',
  description: 'what changed, section by section',
  encode(drift) {
    const counts = driftCounts(drift);
    const total =
      Object.values(counts).reduce((a, b) => a + b, 0) + (drift.vulnerabilities?.fixed.length ?? 0);
    const lines = [
      `before: ${name(drift.before)}`,
      `after:  ${name(drift.after)}`,
      total === 0
        ? 'no changes'
        : `packages +${counts.package_added} -${counts.package_removed} ~${counts.package_changed}, files +${counts.file_added} -${counts.file_removed} ~${counts.file_changed}, config ${counts.config_changed}` +
          (drift.vulnerabilities
            ? `, vulnerabilities introduced ${drift.vulnerabilities.introduced.length} fixed ${drift.vulnerabilities.fixed.length}`
            : ''),
      ...section(
        'packages added',
        drift.packages.added.map((p) => `+ ${p.type} ${p.name} ${p.versions.join(', ')}`),
      ),
      ...section(
        'packages removed',
        drift.packages.removed.map((p) => `- ${p.type} ${p.name} ${p.versions.join(', ')}`),
      ),
      ...section(
        'packages changed',
        drift.packages.changed.map(
          (p) => `~ ${p.type} ${p.name} ${p.before.join(', ')} -> ${p.after.join(', ')}`,
        ),
      ),
      ...section(
        'config changed',
        drift.config.map(
          (c) =>
            `~ ${c.field}${c.key !== undefined ? ` ${c.key}` : ''}: ${c.before ?? '(none)'} -> ${c.after ?? '(none)'}`,
        ),
      ),
      ...section(
        'vulnerabilities introduced',
        (drift.vulnerabilities?.introduced ?? []).map(
          (v) => `+ ${v.id} ${v.severity} ${v.packageType} ${v.packageName} ${v.packageVersion}`,
        ),
      ),
      ...section(
        'vulnerabilities fixed',
        (drift.vulnerabilities?.fixed ?? []).map(
          (v) => `- ${v.id} ${v.severity} ${v.packageType} ${v.packageName} ${v.packageVersion}`,
        ),
      ),
      ...section(
        'files added',
        drift.files.added.map((f) => `+ ${f.path}`),
      ),
      ...section(
        'files removed',
        drift.files.removed.map((f) => `- ${f.path}`),
      ),
      ...section(
        'files changed',
        drift.files.changed.map((f) => `~ ${f.path} (${f.changes.join(', ')})`),
      ),
    ];
    return `${lines.join('\n')}\n`;
  },
};
