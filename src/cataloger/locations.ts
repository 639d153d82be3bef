import type { Location } from '../model/location.js';
import type { FileRecord } from '../resolver/file-view.js';

/** Where a record was found: its path and the layer that put it there. */
export function locationOf(record: FileRecord): Location {
  return { path: record.path, layer: record.layerDigest, layerIndex: record.layerIndex };
}

const byLayerThenPath = (a: Location, b: Location): number =>
  (a.layerIndex ?? 0) - (b.layerIndex ?? 0) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/**
 * Locations in layer then path order, each (layer, path) once. Sorted, the copies of one location
 * sit side by side, so they are dropped by comparing neighbours (no key string per location: an
 * image with 100,000 packages would make 100,000 of them).
 */
export function sortedUniqueLocations(locations: readonly Location[]): Location[] {
  if (locations.length < 2) return [...locations];
  const sorted = [...locations].sort(byLayerThenPath);
  const out: Location[] = [];
  let runStart = 0;
  for (const l of sorted) {
    const first = out[runStart];
    if (!first || byLayerThenPath(first, l) !== 0) runStart = out.length;
    let seen = false;
    for (let i = runStart; i < out.length && !seen; i++)
      seen = out[i]!.layerIndex === l.layerIndex && out[i]!.path === l.path;
    if (!seen) out.push(l);
  }
  return out;
}
