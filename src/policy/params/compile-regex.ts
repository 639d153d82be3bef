import { LinearRegExp, PatternSyntaxError } from '../../pattern/index.js';

/**
 * Bundle regexes, compiled for the linear-time engine (src/pattern): Python's spellings work
 * as they are (`(?P<name>…)`, inline flags such as a leading `(?i)`); backreferences and
 * lookaround are refused with a reason.
 */
export type RegexResult = { ok: true; regex: RegExp } | { ok: false; message: string };

export function compileRegex(source: string, extraFlags = ''): RegexResult {
  try {
    return { ok: true, regex: new LinearRegExp(source, extraFlags) };
  } catch (err) {
    if (!(err instanceof PatternSyntaxError)) throw err;
    return { ok: false, message: `not a valid regular expression: ${err.reason}` };
  }
}
