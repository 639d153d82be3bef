import { GATES } from '../gates/registry.js';
import type { GateSpec } from '../gates/types.js';
import { type ParsedBundle, readBundle } from './read-bundle.js';

/** Reads a bundle document against Customs' gates; see readBundle. */
export function parseBundle(doc: unknown, gates: readonly GateSpec[] = GATES): ParsedBundle {
  return readBundle(doc, gates);
}
