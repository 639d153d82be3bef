import type { FuzzTarget } from '../harness.js';
import { catalogerTargets } from './catalogers.js';
import { feedTargets } from './feeds.js';
import { policyBundleTarget } from './policy-bundle.js';
import { sbomInputTarget } from './sbom-input.js';
import { tarLayerTarget } from './tar-layer.js';

/** Every fuzz target; `shared` adds real feed seeds from ../shared (long runs only). */
export function fuzzTargets(options: { shared: boolean } = { shared: false }): FuzzTarget[] {
  return [
    tarLayerTarget,
    policyBundleTarget,
    sbomInputTarget,
    ...catalogerTargets(),
    ...feedTargets(options),
  ];
}
