import type { VersionRange } from '../../model.js';

/** What the ECOSYSTEM and SEMVER ranges of one `affected[]` entry say. */
export interface RangeReading {
  ranges: VersionRange[];
  /** The `fixed` events, in the order the feed gave them, each once. */
  fixedVersions: string[];
  /** False when no range could be read (only GIT ranges, no events, wrong types). */
  usable: boolean;
}

const VERSION_TYPES = new Set(['ECOSYSTEM', 'SEMVER']);

/**
 * Walks each range's events in feed order (OSV feeds write them sorted): `introduced` opens an
 * interval (`"0"` = from the beginning), `fixed` closes it exclusively, `last_affected`
 * inclusively; `limit` is ignored; an interval still open at the end has no upper bound. A
 * `fixed` with no open interval applies from the beginning. GIT ranges need the repository's
 * history and are skipped.
 */
export function readRanges(raw: unknown): RangeReading {
  const reading: RangeReading = { ranges: [], fixedVersions: [], usable: false };
  if (!Array.isArray(raw)) return reading;
  for (const range of raw) {
    if (!isObject(range) || !VERSION_TYPES.has(String(range.type))) continue;
    if (!Array.isArray(range.events)) continue;
    const before = reading.ranges.length;
    walkEvents(range.events, reading);
    if (reading.ranges.length > before) reading.usable = true;
  }
  return reading;
}

function walkEvents(events: unknown[], reading: RangeReading): void {
  let open: VersionRange | undefined;
  for (const event of events) {
    if (!isObject(event)) continue;
    if (typeof event.introduced === 'string') {
      if (open) continue; // already vulnerable: a second introduced changes nothing
      open = event.introduced === '0' ? {} : { introduced: event.introduced };
    } else if (typeof event.fixed === 'string') {
      reading.ranges.push({ ...(open ?? {}), fixed: event.fixed });
      if (!reading.fixedVersions.includes(event.fixed)) reading.fixedVersions.push(event.fixed);
      open = undefined;
    } else if (typeof event.last_affected === 'string') {
      reading.ranges.push({ ...(open ?? {}), lastAffected: event.last_affected });
      open = undefined;
    }
  }
  if (open) reading.ranges.push(open);
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
