import type { VersionRange } from '../../model.js';

/** What one branch's `versions` list says: a range when it maps onto one, else the constraint. */
export type BranchReading =
  | { kind: 'range'; range: VersionRange }
  | { kind: 'constraint'; constraint: string }
  | { kind: 'unreadable' };

const CONDITION = /^(>=|<=|>|<|==|=|!=)?\s*v?(\d[0-9A-Za-z.+-]*)$/;

/**
 * A branch's conditions all hold at once (`['>=2.0', '<2.0.1']`). At most one lower bound
 * (`>=` introduced, `>` lowerExclusive) and one upper bound (`<` fixed, `<=` lastAffected) map
 * onto a VersionRange; anything else (`=`, `!=`, two lower bounds) is kept as the Composer
 * constraint `>=2.0,<2.0.1`.
 */
export function readBranch(versions: unknown): BranchReading {
  if (typeof versions === 'string') versions = [versions];
  if (!Array.isArray(versions) || versions.length === 0) return { kind: 'unreadable' };
  const conditions: string[] = [];
  for (const item of versions) {
    if (typeof item !== 'string') return { kind: 'unreadable' };
    conditions.push(
      ...item
        .split(',')
        .map((c) => c.trim())
        .filter((c) => c !== ''),
    );
  }
  const range: VersionRange = {};
  let asRange = conditions.length > 0;
  for (const text of conditions) {
    const match = CONDITION.exec(text);
    if (!match) return { kind: 'unreadable' };
    const [, op = '=', version = ''] = match;
    const lower = op === '>=' || op === '>';
    const upper = op === '<' || op === '<=';
    if ((lower && range.introduced !== undefined) || (upper && hasUpper(range)) || (!lower && !upper)) {
      asRange = false;
      continue;
    }
    if (lower) {
      range.introduced = version;
      if (op === '>') range.lowerExclusive = true;
    } else if (op === '<') range.fixed = version;
    else range.lastAffected = version;
  }
  return asRange ? { kind: 'range', range } : { kind: 'constraint', constraint: conditions.join(',') };
}

function hasUpper(range: VersionRange): boolean {
  return range.fixed !== undefined || range.lastAffected !== undefined;
}
