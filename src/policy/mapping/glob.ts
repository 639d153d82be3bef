import { LinearRegExp, literalPattern } from '../../pattern/index.js';
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
 * `regexp:` pattern that is plain text needs no engine; any other is compiled (and kept).
 */
export function globProblem(pattern: string): string | undefined {
  if (!pattern.startsWith(REGEXP_PREFIX)) return undefined;
  const source = pattern.slice(REGEXP_PREFIX.length);
  if (literalPattern(source)) return undefined;
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
  return (value) => matchesAtStart(regex, value);
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
  const regex = toRegex(pattern);
  return (value) => regex.test(value);
}

/** A glob as a pattern on the linear-time engine (many `*` would backtrack on RegExp). */
function toRegex(pattern: string): RegExp {
  const body = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('[\\s\\S]*');
  return new LinearRegExp(`^${body}$`);
}
