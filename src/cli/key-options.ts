import type { KeySource } from '../signature/index.js';

/** `--key PATH` or `--key NAME=PATH` (NAME: letters, digits, `.`, `_`, `-`). */
export function parseKeySource(value: string): KeySource {
  const match = /^([A-Za-z0-9._-]+)=(.+)$/.exec(value);
  return match ? { name: match[1]!, path: match[2]! } : { path: value };
}

export function collectKey(value: string, previous: KeySource[]): KeySource[] {
  return [...previous, parseKeySource(value)];
}
