/**
 * Bundles were written for Python's `re`. The common Python-only spellings are translated so
 * they work here: leading inline flags `(?i)`, `(?s)`, `(?m)` (any combination) become RegExp
 * flags, `(?P<name>…)` becomes `(?<name>…)` and `(?P=name)` becomes `\k<name>`.
 */
export type RegexResult = { ok: true; regex: RegExp } | { ok: false; message: string };

const LEADING_FLAGS = /^\(\?([ims]+)\)/;

export function compileRegex(source: string, extraFlags = ''): RegexResult {
  let body = source;
  let flags = extraFlags;
  const leading = LEADING_FLAGS.exec(body);
  if (leading) {
    body = body.slice(leading[0].length);
    flags += leading[1] as string;
  }
  body = body.replace(/\(\?P<(\w+)>/g, '(?<$1>').replace(/\(\?P=(\w+)\)/g, '\\k<$1>');
  try {
    return { ok: true, regex: new RegExp(body, [...new Set(flags)].join('')) };
  } catch (err) {
    // V8 says "Invalid regular expression: /<source>/<flags>: <reason>"; keep the reason.
    const reason =
      err instanceof Error
        ? err.message.replace(/^Invalid regular expression: \/[\s\S]*\/[a-z]*: /, '')
        : String(err);
    return { ok: false, message: `not a valid regular expression: ${reason}` };
  }
}
