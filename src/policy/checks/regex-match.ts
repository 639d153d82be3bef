import { LinearRegExp } from '../../pattern/index.js';
import { compileRegex } from '../params/compile-regex.js';

/**
 * Anchore applies its gate regexes with Python's `re.match`: anchored at the start of the text,
 * not at its end. `matchesAtStart` does the same; `/x/` therefore matches "x1" but not "ax".
 */
export function matchesAtStart(pattern: RegExp, text: string): boolean {
  if (pattern instanceof LinearRegExp) return pattern.matchesAtStart(text);
  const sticky = new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, '') + 'y');
  sticky.lastIndex = 0;
  return sticky.test(text);
}

/** Compiles `source` the way bundle regexes are (Python spellings accepted); undefined if invalid. */
export function regexFromText(source: string): RegExp | undefined {
  const compiled = compileRegex(source);
  return compiled.ok ? compiled.regex : undefined;
}
