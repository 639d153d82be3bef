/** POSIX bracket classes, as JavaScript class contents. */
const POSIX_CLASSES: Record<string, string> = {
  alpha: 'A-Za-z',
  digit: '0-9',
  alnum: 'A-Za-z0-9',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~',
  xdigit: '0-9A-Fa-f',
  word: 'A-Za-z0-9_',
  cntrl: '\\x00-\\x1f\\x7f',
  print: '\\x20-\\x7e',
  graph: '\\x21-\\x7e',
};

export interface PcreOptions {
  /** `^` and `$` match at line breaks (PCRE_MULTILINE). */
  multiline?: boolean;
  /** `.` matches a newline too (PCRE_DOTALL). */
  dotAll?: boolean;
  global?: boolean;
}

const cache = new Map<string, RegExp | Error>();

/**
 * Compiles a Perl-compatible pattern, as OVAL content writes them, into a JavaScript RegExp:
 * POSIX bracket classes (`[[:space:]]`), `\A`, `\Z`, `\z`, `\h` and leading inline flags
 * (`(?i)`, `(?s)`, `(?m)`) are translated. Throws on a pattern JavaScript cannot compile.
 */
export function compilePcre(pattern: string, options: PcreOptions = {}): RegExp {
  const key = `${options.multiline ? 'm' : ''}${options.dotAll ? 's' : ''}${options.global ? 'g' : ''}:${pattern}`;
  let compiled = cache.get(key);
  if (!compiled) {
    try {
      compiled = translate(pattern, options);
    } catch (err) {
      compiled = err as Error;
    }
    cache.set(key, compiled);
  }
  if (compiled instanceof Error) throw compiled;
  compiled.lastIndex = 0;
  return compiled;
}

function translate(pattern: string, options: PcreOptions): RegExp {
  let flags = '';
  let source = pattern;
  // Leading inline flags apply to the whole pattern, unless a later `(?-i)` ends them.
  const scoped = source.includes('(?-i)');
  for (let inline = /^\(\?([ims]+)\)/.exec(source); inline; inline = /^\(\?([ims]+)\)/.exec(source)) {
    if (scoped && inline[1]!.includes('i')) break;
    source = source.slice(inline[0].length);
    for (const f of inline[1]!) if (!flags.includes(f)) flags += f;
  }
  if (options.multiline && !flags.includes('m')) flags += 'm';
  if (options.dotAll && !flags.includes('s')) flags += 's';
  if (options.global) flags += 'g';
  let out = '';
  let inClass = false;
  // `(?i)` … `(?-i)` in the middle of a pattern (JavaScript has no scoped flags): the letters in
  // between match either case.
  let caseless = false;
  const bothCases = (ch: string): string => {
    const lower = ch.toLowerCase();
    const upper = ch.toUpperCase();
    if (lower === upper) return ch;
    return inClass ? lower + upper : `[${lower}${upper}]`;
  };
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (!inClass && source.startsWith('(?i)', i)) {
      caseless = true;
      i += 3;
      continue;
    }
    if (!inClass && source.startsWith('(?-i)', i)) {
      caseless = false;
      i += 4;
      continue;
    }
    if (ch === '\\') {
      const next = source[i + 1] ?? '';
      i++;
      if (!inClass && next === 'A') out += '(?<![\\s\\S])';
      else if (!inClass && next === 'Z') out += '(?=\\n?(?![\\s\\S]))';
      else if (!inClass && next === 'z') out += '(?![\\s\\S])';
      else if (next === 'h') out += inClass ? ' \\t' : '[ \\t]';
      else out += '\\' + next;
      continue;
    }
    if (inClass) {
      if (ch === '[' && source[i + 1] === ':') {
        const end = source.indexOf(':]', i + 2);
        const name = end > 0 ? source.slice(i + 2, end) : '';
        const cls = POSIX_CLASSES[name.replace(/^\^/, '')];
        if (cls !== undefined && !name.startsWith('^')) {
          out += cls;
          i = end + 1;
          continue;
        }
      }
      if (ch === '[') {
        out += '\\[';
        continue;
      }
      if (ch === ']') inClass = false;
      out += caseless && source[i - 1] !== '-' && source[i + 1] !== '-' ? bothCases(ch) : ch;
      continue;
    }
    if (ch === '[') {
      inClass = true;
      out += ch;
      // A `]` right after `[` or `[^` is a literal in PCRE.
      if (source[i + 1] === '^') {
        out += '^';
        i++;
      }
      if (source[i + 1] === ']') {
        out += '\\]';
        i++;
      }
      continue;
    }
    out += caseless ? bothCases(ch) : ch;
  }
  return new RegExp(out, flags);
}
