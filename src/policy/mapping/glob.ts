import { certainlyCompiles, literalPattern, literalPrefix } from '../../pattern/index.js';
import { matchesAtStart } from '../checks/regex-match.js';
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
/** Compiled patterns, each compiled once: a bundle's every selector fits. */
const CACHE_LIMIT = 250_000;
const cache = new Map<string, Matcher>();

type Matcher = (value: string) => boolean;
const NOTHING: Matcher = () => false;

/**
 * Why a pattern cannot be used (only `regexp:` patterns can be invalid), or undefined. A
 * `regexp:` pattern that is plain text needs no engine, one in the plain subset certainly
 * compiles (so it is compiled only if an evaluation reaches it); any other is compiled (and
 * kept).
 */
export function globProblem(pattern: string): string | undefined {
  if (!pattern.startsWith(REGEXP_PREFIX)) return undefined;
  const source = pattern.slice(REGEXP_PREFIX.length);
  if (literalPattern(source) || certainlyCompiles(source)) return undefined;
  const compiled = compileRegex(source);
  if (compiled.ok) remember(pattern, regexMatcher(compiled.regex));
  return compiled.ok ? undefined : compiled.message;
}

/** Whether `value` matches `pattern`; an invalid `regexp:` pattern matches nothing. */
export function globMatch(pattern: string, value: string): boolean {
  return compiled(pattern)(value);
}

function compiled(pattern: string): Matcher {
  return cache.get(pattern) ?? remember(pattern, toMatcher(pattern));
}

function remember(pattern: string, matcher: Matcher): Matcher {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(pattern, matcher);
  return matcher;
}

function regexMatcher(regex: RegExp): Matcher {
  // A value without the pattern's literal prefix cannot match: most never reach the engine.
  const prefix = regex.flags.includes('i') ? '' : literalPrefix(regex.source);
  return (value) => value.startsWith(prefix) && matchesAtStart(regex, value);
}

function toMatcher(pattern: string): Matcher {
  if (pattern.startsWith(REGEXP_PREFIX)) {
    const source = pattern.slice(REGEXP_PREFIX.length);
    const literal = literalPattern(source);
    if (literal) {
      const { text, wholeValue } = literal;
      return wholeValue ? (value) => value === text : (value) => value.startsWith(text);
    }
    // Anchored at the start only (Python's re.match), on the linear-time engine.
    const result = compileRegex(source);
    return result.ok ? regexMatcher(result.regex) : NOTHING;
  }
  return globMatcher(pattern);
}

/**
 * A glob as literal parts between `*`s, matched without any engine: the first part is a
 * prefix, the last a suffix, and each part between is found leftmost after the one before
 * (leftmost is never worse for what follows), so a match costs one pass over the value.
 */
function globMatcher(pattern: string): Matcher {
  const parts = pattern.split('*');
  if (parts.length === 1) return (value) => value === pattern;
  const head = parts[0]!;
  const tail = parts[parts.length - 1]!;
  const middle = parts.slice(1, -1).filter((part) => part !== '');
  return (value) => {
    if (value.length < head.length + tail.length) return false;
    if (!value.startsWith(head) || !value.endsWith(tail)) return false;
    let at = head.length;
    const end = value.length - tail.length;
    for (const part of middle) {
      const found = value.indexOf(part, at);
      if (found < 0 || found + part.length > end) return false;
      at = found + part.length;
    }
    return true;
  };
}
