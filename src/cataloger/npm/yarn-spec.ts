/** Splits a yarn descriptor `name@range` (the name may be scoped: `@s/name@range`). */
export function splitDescriptor(descriptor: string): { name: string; range: string } {
  const at = descriptor.indexOf('@', 1);
  if (at < 0) return { name: descriptor, range: '' };
  return { name: descriptor.slice(0, at), range: descriptor.slice(at + 1) };
}

/** The descriptors of one lock key: `"a@^1, a@^1.2"` → ['a@^1', 'a@^1.2']. */
export function keyDescriptors(key: string): string[] {
  return key
    .split(',')
    .map((part) => unquote(part.trim()))
    .filter((part) => part !== '');
}

export function unquote(value: string): string {
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
    return value.slice(1, -1).replace(/\\"/g, '"');
  }
  return value;
}
