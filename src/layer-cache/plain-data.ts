/**
 * Whether V8 serialization gives `value` back the same: primitives, buffers, dates, arrays, maps,
 * sets and plain objects, not class instances (their prototype would be lost) or functions.
 * Nesting deeper than `maxDepth` counts as not plain (a guard against cycles).
 */
export function isPlainData(value: unknown, maxDepth = 32): boolean {
  if (value === null || typeof value !== 'object')
    return typeof value !== 'function' && typeof value !== 'symbol';
  if (maxDepth < 0) return false;
  const inner = (v: unknown): boolean => isPlainData(v, maxDepth - 1);
  if (Buffer.isBuffer(value) || value instanceof Uint8Array || value instanceof Date) return true;
  if (Array.isArray(value)) return value.every(inner);
  if (value instanceof Map) return [...value].every(([k, v]) => inner(k) && inner(v));
  if (value instanceof Set) return [...value].every(inner);
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  return Object.values(value).every(inner);
}
