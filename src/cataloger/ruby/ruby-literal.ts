/**
 * Reads the Ruby literals rubygems writes into installed gemspecs — strings ("…", '…', %q<…>),
 * arrays of them, `Gem::Version.new("…")`, with `.freeze` suffixes — without evaluating anything.
 */
export type RubyValue = string | RubyValue[];

export interface ReadResult {
  value: RubyValue;
  end: number;
}

const PAIRS: Record<string, string> = { '<': '>', '(': ')', '[': ']', '{': '}' };

function skipSpace(src: string, at: number): number {
  while (at < src.length && /\s/.test(src[at] as string)) at++;
  return at;
}

function unescapeDouble(body: string): string {
  return body.replace(/\\(u\{[0-9a-fA-F ]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{1,2}|.)/gs, (_m, seq: string) => {
    if (seq.startsWith('u{')) {
      return seq
        .slice(2, -1)
        .trim()
        .split(/\s+/)
        .map((h) => String.fromCodePoint(parseInt(h, 16)))
        .join('');
    }
    if (seq.startsWith('u') && seq.length === 5) return String.fromCharCode(parseInt(seq.slice(1), 16));
    if (seq.startsWith('x') && seq.length > 1) return String.fromCharCode(parseInt(seq.slice(1), 16));
    return (
      ({ n: '\n', t: '\t', r: '\r', s: ' ', e: '\u001b', '0': '\0' } as Record<string, string>)[seq] ?? seq
    );
  });
}

/** A quoted string starting at `at` (`"`, `'` or `%q`/`%Q` with any delimiter). */
function readString(src: string, at: number): ReadResult | undefined {
  let open = src[at];
  let start = at + 1;
  let double = open === '"';
  if (open === '%') {
    const kind = src[at + 1];
    if (kind !== 'q' && kind !== 'Q') return undefined;
    double = kind === 'Q';
    open = src[at + 2];
    start = at + 3;
    if (open === undefined || /[\w\s]/.test(open)) return undefined;
  } else if (open !== '"' && open !== "'") return undefined;
  const close = PAIRS[open] ?? open;
  let depth = 0;
  for (let i = start; i < src.length; i++) {
    const ch = src[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (ch === open && close !== open) depth++;
    else if (ch === close) {
      if (depth === 0) {
        const body = src.slice(start, i);
        const value = double ? unescapeDouble(body) : body.replace(/\\([\\'])/g, '$1');
        return { value, end: i + 1 };
      }
      depth--;
    }
  }
  return undefined;
}

function skipFreeze(src: string, at: number): number {
  return src.startsWith('.freeze', at) ? at + '.freeze'.length : at;
}

/** Reads one literal at `at`; undefined when there is none (a method call, a constant, …). */
export function readRubyValue(src: string, at: number): ReadResult | undefined {
  at = skipSpace(src, at);
  if (src.startsWith('Gem::Version.new(', at)) {
    const inner = readRubyValue(src, at + 'Gem::Version.new('.length);
    if (!inner) return undefined;
    const close = skipSpace(src, inner.end);
    return src[close] === ')' ? { value: inner.value, end: skipFreeze(src, close + 1) } : undefined;
  }
  if (src[at] === '[') {
    const items: RubyValue[] = [];
    let pos = skipSpace(src, at + 1);
    while (src[pos] !== ']') {
      const item = readRubyValue(src, pos);
      if (!item) return undefined;
      items.push(item.value);
      pos = skipSpace(src, item.end);
      if (src[pos] === ',') pos = skipSpace(src, pos + 1);
      else if (src[pos] !== ']') return undefined;
    }
    return { value: items, end: skipFreeze(src, pos + 1) };
  }
  const str = readString(src, at);
  return str ? { value: str.value, end: skipFreeze(src, str.end) } : undefined;
}

/** The strings of a value: a string becomes a one-element list, arrays are flattened. */
export function stringsOf(value: RubyValue | undefined): string[] {
  if (value === undefined) return [];
  return typeof value === 'string' ? [value] : value.flatMap(stringsOf);
}
