/**
 * Whether a pattern is certainly one the linear-time engine compiles, decided by one pass over
 * its text without compiling it (compiling costs 15–45 µs a pattern; a bundle may hold
 * 100,000). It holds for a plain subset most selectors and rules are written in:
 *   - printable ASCII;
 *   - groups `(…)` and `(?:…)`, balanced and at most 100 deep; alternation `|`;
 *   - `.`, `^`, `$`, the escapes `\d \D \w \W \s \S \b \B` and escaped punctuation;
 *   - `*`, `+`, `?`, each after something it can repeat, and their lazy forms `*?`, `+?`, `??`;
 *   - classes `[…]`/`[^…]` of characters, escapes and ordered ranges `a-z` (a `-` that is not a
 *     range is first or last), not starting with `]`.
 * Anything outside it (counted repetition, inline flags, named groups, POSIX or unicode
 * classes, a stray `]`) answers false and is compiled to find out. The fuzz test beside this
 * file checks the claim against the engine.
 */
export function certainlyCompiles(source: string): boolean {
  if (source.length > MAX_LENGTH) return false;
  let depth = 0;
  let repeatable = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (!printable(c)) return false;
    switch (c) {
      case '{':
      case '}':
      case ']':
        return false;
      case '\\': {
        const next = source[++i];
        if (next === undefined) return false;
        if (ASSERTION_ESCAPES.has(next)) repeatable = false;
        else if (CLASS_ESCAPES.has(next) || PUNCTUATION.has(next)) repeatable = true;
        else return false;
        break;
      }
      case '(':
        if (source[i + 1] === '?') {
          if (source[i + 2] !== ':') return false;
          i += 2;
        }
        if (++depth > MAX_DEPTH) return false;
        repeatable = false;
        break;
      case ')':
        if (--depth < 0) return false;
        repeatable = true;
        break;
      case '|':
      case '^':
      case '$':
        repeatable = false;
        break;
      case '*':
      case '+':
      case '?':
        if (!repeatable) return false;
        if (source[i + 1] === '?') i++;
        repeatable = false;
        break;
      case '[': {
        const end = classEnd(source, i);
        if (end < 0) return false;
        i = end;
        repeatable = true;
        break;
      }
      default:
        repeatable = true;
    }
  }
  return depth === 0;
}

const MAX_LENGTH = 1000;
/** RE2 refuses deep nesting; well below its limit. */
const MAX_DEPTH = 100;
const CLASS_ESCAPES = new Set([...'dDwWsS']);
const ASSERTION_ESCAPES = new Set([...'bB']);
const PUNCTUATION = new Set([...'^$\\.*+?()[]/|-']);

function printable(c: string): boolean {
  const code = c.charCodeAt(0);
  return code >= 0x20 && code <= 0x7e;
}

/** One member of a class: a character (its code, for ranges) or a class escape (-1). */
interface Member {
  code: number;
  next: number;
}

/** The index of the `]` closing the class opened at `open`, or -1 when outside the subset. */
function classEnd(source: string, open: number): number {
  let i = open + 1;
  if (source[i] === '^') i++;
  if (source[i] === ']') return -1;
  const first = i;
  while (i < source.length) {
    const c = source[i]!;
    if (c === ']') return i;
    if (c === '-' && i !== first && source[i + 1] !== ']') return -1;
    const low = member(source, i);
    if (!low) return -1;
    i = low.next;
    if (source[i] === '-' && source[i + 1] !== ']' && source[i + 1] !== undefined) {
      const high = member(source, i + 1);
      if (!high || low.code < 0 || high.code < 0 || high.code < low.code) return -1;
      i = high.next;
    }
  }
  return -1;
}

function member(source: string, at: number): Member | undefined {
  const c = source[at];
  if (c === undefined || !printable(c) || c === '[' || c === '{' || c === '}') return undefined;
  if (c !== '\\') return { code: c.charCodeAt(0), next: at + 1 };
  const next = source[at + 1];
  if (next === undefined) return undefined;
  if (CLASS_ESCAPES.has(next)) return { code: -1, next: at + 2 };
  if (PUNCTUATION.has(next)) return { code: next.charCodeAt(0), next: at + 2 };
  return undefined;
}
