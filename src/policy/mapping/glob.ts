import { compileRegex } from '../params/compile-regex.js';

/**
 * Anchore's selector patterns (registry, repository, tag, allowlist trigger ids):
 *   - `regexp:<re>`: a raw regular expression anchored at the start only (like Python's
 *     `re.match`), so `regexp:nginx` also matches `nginx-extras`;
 *   - anything else: a glob where `*` is any run of characters (including none and `/`) and
 *     every other character is literal; it must match the whole string.
 * Unlike Anchore, `.` and other regex characters in a glob are literal: `docker.io` does
 * not match `dockerxio`.
 */
const REGEXP_PREFIX = 'regexp:';
const cache = new Map<string, RegExp | null>();

/** Why a pattern cannot be used (only `regexp:` patterns can be invalid), or undefined. */
export function globProblem(pattern: string): string | undefined {
  if (!pattern.startsWith(REGEXP_PREFIX)) return undefined;
  const compiled = compileRegex(pattern.slice(REGEXP_PREFIX.length), 'y');
  return compiled.ok ? undefined : compiled.message;
}

/** Whether `value` matches `pattern`; an invalid `regexp:` pattern matches nothing. */
export function globMatch(pattern: string, value: string): boolean {
  const regex = compiled(pattern);
  if (!regex) return false;
  regex.lastIndex = 0;
  return regex.test(value);
}

function compiled(pattern: string): RegExp | null {
  let regex = cache.get(pattern);
  if (regex === undefined) {
    regex = toRegex(pattern);
    if (cache.size > 10_000) cache.clear();
    cache.set(pattern, regex);
  }
  return regex;
}

function toRegex(pattern: string): RegExp | null {
  if (pattern.startsWith(REGEXP_PREFIX)) {
    // Sticky: a match must begin at index 0 but may end anywhere.
    const result = compileRegex(pattern.slice(REGEXP_PREFIX.length), 'y');
    return result.ok ? result.regex : null;
  }
  const body = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('[\\s\\S]*');
  return new RegExp(`^${body}$`);
}
