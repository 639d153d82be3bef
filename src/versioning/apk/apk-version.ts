/**
 * Alpine package versions, `digits{.digits}[letter]{_suffix[digits]}[~hash][-rdigits]`, read
 * and ordered as apk-tools does (`apk version -t`).
 *
 * A version is a sequence of tokens, each allowed only after the ones before it in that list:
 * the initial number; `.` numbers; one lowercase letter; `_` suffixes (alpha, beta, pre, rc,
 * cvs, svn, git, hg, p), each optionally numbered; one `~` commit hash of lowercase hex
 * digits; one `-r` revision number. Anything else makes the version invalid.
 *
 * Two versions are compared token by token while both have a token of the same kind:
 * numbers as unsigned 64-bit integers (as apk does, longer digit runs wrap around), except that
 * a `.` number with a leading zero on either side compares as text (`1.01` < `1.1`, `8.2.0015`
 * < `8.2.002`); letters and suffixes in their order (alpha < beta < pre < rc < cvs < svn < git
 * < hg < p); hashes as text. At the first difference in value that decides. When one version
 * runs out or the kinds differ, a pre-release suffix (alpha, beta, pre, rc) makes its side
 * older; otherwise the side whose token comes earlier in the list above is newer, and a
 * version that has ended is older than one that goes on (`1.0` < `1.0-r0` < `1.0.1`).
 */

/** Token kinds, in the order apk-tools allows them and ranks them. */
export enum Kind {
  InitialDigit,
  Digit,
  Letter,
  Suffix,
  SuffixNumber,
  CommitHash,
  Revision,
  End,
}

/** Suffix ranks; NONE, the rank of no suffix, separates pre-releases from post-releases. */
const SUFFIXES: Readonly<Record<string, number>> = {
  alpha: 1,
  beta: 2,
  pre: 3,
  rc: 4,
  cvs: 6,
  svn: 7,
  git: 8,
  hg: 9,
  p: 10,
};
const SUFFIX_NONE = 5;

export interface ApkToken {
  readonly kind: Kind;
  /** The token's text without its lead-in (`.`, `_`, `~`, `-r`). */
  readonly text: string;
  /** Digit tokens: the number modulo 2^64; suffixes: their rank; letters: the character code. */
  readonly value: bigint;
}

const END: ApkToken = { kind: Kind.End, text: '', value: 0n };

function digitsAt(text: string, from: number): string {
  let to = from;
  while (to < text.length && text[to]! >= '0' && text[to]! <= '9') to++;
  return text.slice(from, to);
}

function runAt(text: string, from: number, allowed: RegExp): string {
  let to = from;
  while (to < text.length && allowed.test(text[to]!)) to++;
  return text.slice(from, to);
}

const number = (digits: string): bigint => BigInt.asUintN(64, BigInt(digits));

/** The tokens of `version` ending with an End token, or undefined when apk finds it invalid. */
export function tokenizeApkVersion(version: string): ApkToken[] | undefined {
  const first = digitsAt(version, 0);
  if (first === '') return undefined;
  const tokens: ApkToken[] = [{ kind: Kind.InitialDigit, text: first, value: number(first) }];
  let at = first.length;
  let last: Kind = Kind.InitialDigit;
  while (at < version.length) {
    const c = version[at]!;
    let token: ApkToken;
    if (c >= 'a' && c <= 'z' && last <= Kind.Digit) {
      token = { kind: Kind.Letter, text: c, value: BigInt(c.charCodeAt(0)) };
      at += 1;
    } else if (c === '.' && last <= Kind.Digit) {
      const digits = digitsAt(version, at + 1);
      if (digits === '') return undefined;
      token = { kind: Kind.Digit, text: digits, value: number(digits) };
      at += 1 + digits.length;
    } else if (c >= '0' && c <= '9' && last === Kind.Suffix) {
      const digits = digitsAt(version, at);
      token = { kind: Kind.SuffixNumber, text: digits, value: number(digits) };
      at += digits.length;
    } else if (c === '_' && last <= Kind.SuffixNumber) {
      const word = runAt(version, at + 1, /[a-z]/);
      const rank = Object.hasOwn(SUFFIXES, word) ? SUFFIXES[word] : undefined;
      if (rank === undefined) return undefined;
      token = { kind: Kind.Suffix, text: word, value: BigInt(rank) };
      at += 1 + word.length;
    } else if (c === '~' && last < Kind.CommitHash) {
      const hash = runAt(version, at + 1, /[0-9a-f]/);
      if (hash === '') return undefined;
      token = { kind: Kind.CommitHash, text: hash, value: 0n };
      at += 1 + hash.length;
    } else if (c === '-' && last < Kind.Revision && version[at + 1] === 'r') {
      const digits = digitsAt(version, at + 2);
      if (digits === '') return undefined;
      token = { kind: Kind.Revision, text: digits, value: number(digits) };
      at += 2 + digits.length;
    } else {
      return undefined;
    }
    tokens.push(token);
    last = token.kind;
  }
  tokens.push(END);
  return tokens;
}

/** apk's blob sort: bytes (these are ASCII) up to the shorter length, then the shorter first. */
function compareText(a: string, b: string): -1 | 0 | 1 {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

function compareToken(a: ApkToken, b: ApkToken): -1 | 0 | 1 {
  const asText =
    a.kind === Kind.CommitHash || (a.kind === Kind.Digit && (a.text[0] === '0' || b.text[0] === '0'));
  if (asText) return compareText(a.text, b.text);
  if (a.value === b.value) return 0;
  return a.value < b.value ? -1 : 1;
}

const isPreRelease = (t: ApkToken): boolean => t.kind === Kind.Suffix && t.value < BigInt(SUFFIX_NONE);

/** apk-tools' order of two tokenized versions. */
export function compareApkTokens(a: readonly ApkToken[], b: readonly ApkToken[]): -1 | 0 | 1 {
  let k = 0;
  for (; ; k++) {
    const x = a[k] ?? END;
    const y = b[k] ?? END;
    if (x.kind !== y.kind || x.kind === Kind.End) break;
    const order = compareToken(x, y);
    if (order !== 0) return order;
  }
  const x = a[k] ?? END;
  const y = b[k] ?? END;
  if (x.kind === y.kind) return 0;
  if (isPreRelease(x)) return -1;
  if (isPreRelease(y)) return 1;
  return x.kind > y.kind ? -1 : 1;
}
