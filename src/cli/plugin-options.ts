import { UsageError } from '../errors/index.js';

export interface NamedPlugin {
  name: string;
  path: string;
}

/** `--plugin NAME=PATH` / `--analyzer NAME=PATH` values: a name for bundles and messages, and the executable. */
export function parseNamedPlugins(values: readonly string[], flag: string): NamedPlugin[] {
  const seen = new Set<string>();
  return values.map((value) => {
    const at = value.indexOf('=');
    const name = at > 0 ? value.slice(0, at) : '';
    const path = at > 0 ? value.slice(at + 1) : '';
    if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(name) || path === '')
      throw new UsageError(`${flag} ${value}: write NAME=PATH (NAME of letters, digits, . _ -)`);
    if (seen.has(name)) throw new UsageError(`${flag} ${name} is given twice`);
    seen.add(name);
    return { name, path };
  });
}
