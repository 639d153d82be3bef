import { UsageError } from '../../errors/index.js';
import { LinearRegExp, PatternSyntaxError } from '../../pattern/index.js';

/** Lines longer than this are searched in their first MAX_LINE_CHARS characters only. */
export const MAX_LINE_CHARS = 4096;
/** At most this many line numbers are kept per pattern and file. */
export const MAX_LINES_PER_MATCH = 100;

export interface ContentPattern {
  name: string;
  regex: RegExp;
}

/**
 * Compiles the user's named regexes once, for the linear-time engine; an invalid one is a
 * UsageError naming it.
 */
export function compileContentSearch(search: Record<string, string> | undefined): ContentPattern[] {
  return Object.entries(search ?? {}).map(([name, source]) => {
    try {
      return { name, regex: new LinearRegExp(source) };
    } catch (err) {
      if (!(err instanceof PatternSyntaxError)) throw err;
      throw new UsageError(`content search "${name}": invalid regular expression: ${err.message}`);
    }
  });
}

/**
 * The 1-based line numbers where each pattern matches `text`. Each line is tested alone and cut
 * at MAX_LINE_CHARS, so a backtracking pattern works on bounded input.
 */
export function searchLines(text: string, patterns: readonly ContentPattern[]): Map<string, number[]> {
  const found = new Map<string, number[]>();
  let start = 0;
  let line = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    line++;
    const slice = text.slice(start, Math.min(end, start + MAX_LINE_CHARS));
    for (const { name, regex } of patterns) {
      const lines = found.get(name);
      if (lines && lines.length >= MAX_LINES_PER_MATCH) continue;
      if (!regex.test(slice)) continue;
      if (lines) lines.push(line);
      else found.set(name, [line]);
    }
    start = end + 1;
  }
  return found;
}
