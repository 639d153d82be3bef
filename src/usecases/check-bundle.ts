import { BundleProblemsError } from '../errors/index.js';
import { loadPluginGate } from '../plugin/index.js';
import { loadBundle, parseBundle } from '../policy/bundle/index.js';
import { GATES } from '../policy/gates/registry.js';
import type { GateSpec } from '../policy/gates/types.js';
import type { PolicyBundle } from '../policy/types.js';
import type { NamedPlugin } from './types.js';

/** A bundle file (JSON or YAML), or a bundle document already read (a service's stored bundle). */
export type BundleInput = string | { document: unknown; name: string };

export interface LoadedBundle {
  bundle: PolicyBundle;
  /** The built-in gates and the plugins' gates, which the bundle's rules were checked against. */
  gates: GateSpec[];
}

/**
 * Loads the gate plugins, then reads the bundle against every gate. A bundle with problems is a
 * BundleProblemsError carrying each problem with its JSON path. `signal` stops a plugin that is
 * slow to describe itself.
 */
export async function loadCheckBundle(
  input: BundleInput,
  plugins: readonly NamedPlugin[] = [],
  signal?: AbortSignal,
): Promise<LoadedBundle> {
  const gates: GateSpec[] = [...GATES];
  for (const plugin of plugins)
    gates.push(await loadPluginGate(plugin.path, plugin.name, signal ? { signal } : {}));
  const parsed =
    typeof input === 'string' ? await loadBundle(input, gates) : parseBundle(input.document, gates);
  if (parsed.problems.length > 0)
    throw new BundleProblemsError(typeof input === 'string' ? input : input.name, parsed.problems);
  return { bundle: parsed.bundle, gates };
}
