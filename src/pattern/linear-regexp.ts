import { RE2JS, RE2JSException } from 're2js';
import { certainlyCompiles } from './plain-syntax.js';

/**
 * A RegExp whose matching runs on RE2 (re2js): time linear in the input, whatever the pattern,
 * so a user's `(a+)+$` cannot stall a scan or an evaluation. It is a real RegExp subclass:
 * `test`, `exec`, `String#match`, `matchAll`, `replace` and `split` all go through its `exec`,
 * so code written for RegExp needs no change. The syntax is RE2's (Go's `regexp`, which trivy
 * and gitleaks rule files are written in, and close to Python's `re`): named groups as
 * `(?P<name>…)` or `(?<name>…)`, inline flags `(?i)`, `\A`, `\z`; backreferences and
 * lookaround are refused with a PatternSyntaxError.
 *
 * Flags: `i`, `m`, `s` as in JavaScript; `g`, `y` and `d` keep their RegExp meaning
 * (lastIndex, sticky, match indices); `u` is accepted (RE2 matches code points anyway).
 *
 * A pattern in the plain subset that certainly compiles (./plain-syntax.ts) is compiled on its
 * first use, so a bundle of 100,000 patterns is validated without compiling any; any other
 * pattern is compiled at once, so the constructor is where a bad pattern is refused.
 */
export class LinearRegExp extends RegExp {
  readonly #source: string;
  #compiled: RE2JS | undefined;
  #names: Record<string, number> | undefined;

  constructor(pattern: string | RegExp, flags?: string) {
    const text = typeof pattern === 'string' ? pattern : pattern.source;
    const wanted = flags ?? (typeof pattern === 'string' ? '' : pattern.flags);
    const unknown = wanted.replace(/[dgimsuy]/g, '');
    if (unknown) throw new PatternSyntaxError(text, `unsupported flag "${unknown}"`);
    super('(?:)', [...new Set(wanted)].join(''));
    this.#source = text;
    if (
      pattern instanceof LinearRegExp &&
      pattern.#source === text &&
      sameEngineFlags(pattern.flags, wanted)
    ) {
      this.#compiled = pattern.#compiled;
    } else if (!certainlyCompiles(text)) {
      this.#compiled = compileRe2(text, wanted);
    }
  }

  get #re2(): RE2JS {
    return (this.#compiled ??= compileRe2(this.#source, this.flags));
  }

  get #groupNames(): Record<string, number> {
    return (this.#names ??= this.#re2.namedGroups() as Record<string, number>);
  }

  override get source(): string {
    return this.#source;
  }

  static override get [Symbol.species](): RegExpConstructor {
    return LinearRegExp as unknown as RegExpConstructor;
  }

  override exec(input: string): RegExpExecArray | null {
    const text = String(input);
    const advancing = this.global || this.sticky;
    const from = advancing ? this.lastIndex : 0;
    if (from > text.length) {
      this.lastIndex = 0;
      return null;
    }
    const matcher = this.#re2.matcher(text);
    // The leftmost match from `from`: when any match begins at `from`, it is that one.
    if (!matcher.find(from) || (this.sticky && matcher.start() !== from)) {
      if (advancing) this.lastIndex = 0;
      return null;
    }
    const groups = this.#re2.groupCount();
    const values: (string | undefined)[] = [];
    for (let g = 0; g <= groups; g++) values.push(matcher.group(g) ?? undefined);
    const result = values as unknown as RegExpExecArray;
    result.index = matcher.start();
    result.input = text;
    const names = Object.keys(this.#groupNames);
    result.groups = names.length
      ? (Object.fromEntries(names.map((n) => [n, values[this.#groupNames[n]!]])) as Record<string, string>)
      : undefined;
    if (this.hasIndices) {
      const spans: ([number, number] | undefined)[] = [];
      for (let g = 0; g <= groups; g++) {
        const start = matcher.start(g);
        spans.push(start < 0 ? undefined : [start, matcher.end(g)]);
      }
      const indices = spans as unknown as RegExpIndicesArray;
      indices.groups = names.length
        ? Object.fromEntries(names.map((n) => [n, spans[this.#groupNames[n]!]!]))
        : undefined;
      result.indices = indices;
    }
    if (advancing) {
      const end = matcher.end();
      // An empty match moves on by one, as RegExp's callers do themselves for /g.
      this.lastIndex = end;
    }
    return result;
  }

  /** Whether a match begins at the start of `text` (Python's `re.match`); ignores lastIndex. */
  matchesAtStart(text: string): boolean {
    return this.#re2.matcher(text).lookingAt();
  }

  override toString(): string {
    return `/${this.#source}/${this.flags}`;
  }
}

/** A user's pattern that the linear-time engine cannot run, or that is not a pattern at all. */
export class PatternSyntaxError extends Error {
  constructor(
    readonly pattern: string,
    readonly reason: string,
  ) {
    super(`${reason} in ${JSON.stringify(pattern)}`);
    this.name = 'PatternSyntaxError';
  }
}

function sameEngineFlags(a: string, b: string): boolean {
  const engine = (f: string): string => [...f.replace(/[^ims]/g, '')].sort().join('');
  return engine(a) === engine(b);
}

/** Constructs RE2 refuses, with a reason a user can act on (RE2's own message is terse). */
const REFUSED: [RegExp, string][] = [
  [
    /\(\?<?[=!]/,
    'lookahead and lookbehind ((?=, (?!, (?<=, (?<!) are not supported (patterns run in linear time)',
  ],
  [
    /\\[1-9]|\\k<|\(\?P=/,
    'backreferences (\\1, \\k<name>, (?P=name)) are not supported (patterns run in linear time)',
  ],
  [/\(\?>/, 'atomic groups ((?>…)) are not supported (patterns run in linear time)'],
];

function compileRe2(source: string, flags: string): RE2JS {
  let options = 0;
  if (flags.includes('i')) options |= RE2JS.CASE_INSENSITIVE;
  if (flags.includes('m')) options |= RE2JS.MULTILINE;
  if (flags.includes('s')) options |= RE2JS.DOTALL;
  try {
    return RE2JS.compile(source, options);
  } catch (err) {
    if (!(err instanceof RE2JSException)) throw err;
    const refused = REFUSED.find(([construct]) => construct.test(source.replace(/\\\\/g, '')));
    const reason = refused ? refused[1] : err.message.replace(/^error parsing regexp: /, '');
    throw new PatternSyntaxError(source, reason);
  }
}
