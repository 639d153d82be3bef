import type { BuiltinTrigger } from './types.js';

/**
 * The same trigger under another name (Anchore's `blacklist_*` triggers under the newer
 * `denylist_*` spelling). It evaluates exactly as the original; findings carry the alias name.
 */
export function aliasTrigger(original: BuiltinTrigger, name: string): BuiltinTrigger {
  return {
    name,
    description: `Same as ${original.name}. ${original.description}`,
    params: original.params,
    evaluate: (context, params) => original.evaluate(context, params),
  };
}
