import { imageDrift } from '../../../drift/image-drift.js';
import type { ImageDrift } from '../../../drift/types.js';
import type { Sbom } from '../../../model/sbom.js';
import type { GateContext } from '../types.js';

// One drift per (previous, current) pair, however many drift rules a bundle has; an entry holds
// for the scans it was made with.
interface Entry {
  scans: [unknown, unknown];
  drift: ImageDrift;
}
const cache = new WeakMap<NonNullable<GateContext['previous']>, WeakMap<Sbom, Entry>>();

/** What changed from the context's previous image to this one; undefined without a previous image. */
export function contextDrift(context: GateContext): ImageDrift | undefined {
  const previous = context.previous;
  if (!previous?.sbom) return undefined;
  let byCurrent = cache.get(previous);
  if (!byCurrent) {
    byCurrent = new WeakMap();
    cache.set(previous, byCurrent);
  }
  const known = byCurrent.get(context.sbom);
  if (known && known.scans[0] === previous.scan && known.scans[1] === context.scan) return known.drift;
  const drift = imageDrift(
    { sbom: previous.sbom, ...(previous.scan ? { matches: previous.scan.matches } : {}) },
    { sbom: context.sbom, ...(context.scan ? { matches: context.scan.matches } : {}) },
  );
  byCurrent.set(context.sbom, { scans: [previous.scan, context.scan], drift });
  return drift;
}
