/**
 * RPM versions, `[epoch:]version[-release]`, ordered as rpm orders them (rpmvercmp for each
 * part, rpmverCmp for the whole).
 *
 * One part against another: both are cut into runs of ASCII digits and runs of ASCII letters;
 * everything else only separates runs. Runs are compared in turn: digit runs as numbers
 * (leading zeros do not count), letter runs byte by byte, and a digit run is newer than a
 * letter run. `~` sorts before anything, the end of the part included (`1.0~rc1` < `1.0`);
 * `^` sorts after the end of the part but before anything else (`1.0` < `1.0^git1` < `1.0.1`).
 * When all runs agree, the part with text left over is newer; parts that differ only in their
 * separators (`1.0` and `1_0`) are equal.
 *
 * The whole: the text before the first colon is the epoch when it is all digits (an empty one
 * is 0), the text after the last hyphen that follows the epoch is the release. Epochs compare
 * first (a missing epoch is 0), then versions, then releases, where a missing release sorts
 * before any release.
 */

export interface RpmVersion {
  readonly epoch: string;
  readonly version: string;
  readonly release: string | undefined;
}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isLetter = (c: string | undefined): boolean =>
  c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
const isRunStart = (c: string | undefined): boolean =>
  c !== undefined && (isDigit(c) || isLetter(c) || c === '~' || c === '^');

function sign(n: number): -1 | 0 | 1 {
  return n < 0 ? -1 : n > 0 ? 1 : 0;
}

/** rpm's order of one version (or release, or epoch) string against another. */
export function rpmvercmp(a: string, b: string): -1 | 0 | 1 {
  if (a === b) return 0;
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    while (i < a.length && !isRunStart(a[i])) i++;
    while (j < b.length && !isRunStart(b[j])) j++;
    const x = a[i];
    const y = b[j];
    if (x === '~' || y === '~') {
      if (x !== '~') return 1;
      if (y !== '~') return -1;
      i++;
      j++;
      continue;
    }
    if (x === '^' || y === '^') {
      if (x === undefined) return -1;
      if (y === undefined) return 1;
      if (x !== '^') return 1;
      if (y !== '^') return -1;
      i++;
      j++;
      continue;
    }
    if (x === undefined || y === undefined) break;
    const numeric = isDigit(x);
    const inRun = numeric ? isDigit : isLetter;
    let ei = i;
    let ej = j;
    while (ei < a.length && inRun(a[ei])) ei++;
    while (ej < b.length && inRun(b[ej])) ej++;
    if (ej === j) return numeric ? 1 : -1;
    let one = a.slice(i, ei);
    let two = b.slice(j, ej);
    if (numeric) {
      one = one.replace(/^0+/, '');
      two = two.replace(/^0+/, '');
      if (one.length !== two.length) return one.length > two.length ? 1 : -1;
    }
    if (one !== two) return one < two ? -1 : 1;
    i = ei;
    j = ej;
  }
  if (i >= a.length && j >= b.length) return 0;
  return i >= a.length ? -1 : 1;
}

/** Splits `evr` the way rpm does; rpm itself accepts any non-empty text. */
export function splitEvr(evr: string): RpmVersion {
  let digits = 0;
  while (isDigit(evr[digits])) digits++;
  const hasEpoch = evr[digits] === ':';
  const epoch = hasEpoch ? evr.slice(0, digits) || '0' : '0';
  const rest = hasEpoch ? evr.slice(digits + 1) : evr;
  const hyphen = evr.lastIndexOf('-');
  if (hyphen < digits) return { epoch, version: rest, release: undefined };
  const cut = hyphen - (evr.length - rest.length);
  return { epoch, version: rest.slice(0, cut), release: rest.slice(cut + 1) };
}

export function compareEvr(a: RpmVersion, b: RpmVersion): -1 | 0 | 1 {
  const byEpoch = rpmvercmp(a.epoch, b.epoch);
  if (byEpoch !== 0) return byEpoch;
  const byVersion = rpmvercmp(a.version, b.version);
  if (byVersion !== 0) return byVersion;
  if (a.release === undefined || b.release === undefined) {
    return sign(Number(a.release !== undefined) - Number(b.release !== undefined));
  }
  return rpmvercmp(a.release, b.release);
}
