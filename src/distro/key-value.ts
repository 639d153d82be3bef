/**
 * Reads the shell-like `KEY=value` assignments of os-release and lsb-release files, as the
 * freedesktop os-release spec describes them: `#` comments, blank lines, values in single or
 * double quotes (or several quoted and unquoted pieces side by side), backslash escapes for
 * `$ " \ \`` inside double quotes and for any character outside quotes. Lines that are not
 * assignments are skipped; the last assignment of a key wins.
 */
export function parseKeyValueFile(text: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) continue;
    const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (!match) continue;
    const value = unquote(match[2] ?? '');
    if (value === undefined) continue;
    fields[match[1] as string] = value;
  }
  return fields;
}

const DOUBLE_QUOTE_ESCAPABLE = new Set(['$', '"', '\\', '`']);

/** Shell-style word decoding of one value; `undefined` when a quote is never closed. */
function unquote(raw: string): string | undefined {
  let out = '';
  let i = 0;
  while (i < raw.length) {
    const ch = raw[i] as string;
    if (ch === "'") {
      const end = raw.indexOf("'", i + 1);
      if (end < 0) return undefined;
      out += raw.slice(i + 1, end);
      i = end + 1;
    } else if (ch === '"') {
      i++;
      let closed = false;
      while (i < raw.length) {
        const c = raw[i] as string;
        if (c === '"') {
          closed = true;
          i++;
          break;
        }
        const next = raw[i + 1];
        if (c === '\\' && next !== undefined && DOUBLE_QUOTE_ESCAPABLE.has(next)) {
          out += next;
          i += 2;
        } else {
          out += c;
          i++;
        }
      }
      if (!closed) return undefined;
    } else if (ch === '\\') {
      out += raw[i + 1] ?? '';
      i += 2;
    } else if (ch === ' ' || ch === '\t') {
      // An unquoted blank ends the word; what follows is a trailing comment or junk.
      break;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}
