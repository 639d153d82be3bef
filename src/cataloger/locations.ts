import type { Location } from '../model/location.js';
import type { FileRecord } from '../resolver/file-view.js';

/** Where a record was found: its path and the layer that put it there. */
export function locationOf(record: FileRecord): Location {
  return { path: record.path, layer: record.layerDigest, layerIndex: record.layerIndex };
}

/** Locations in layer then path order, each (layer, path) once. */
export function sortedUniqueLocations(locations: readonly Location[]): Location[] {
  const seen = new Set<string>();
  return [...locations]
    .sort(
      (a, b) => (a.layerIndex ?? 0) - (b.layerIndex ?? 0) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0),
    )
    .filter((l) => {
      const key = `${l.layerIndex}\u0000${l.path}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
