/**
 * The fallback order for ecosystems Customs has no scheme for.
 *
 * Reading: an optional `v` or `V` before a digit is dropped. What is left must start with a
 * letter or digit and hold only ASCII letters, digits and the separators `. - _ + ~ :`.
 *
 * Ordering: the version is cut into runs of digits and runs of letters (separators only end
 * runs, so `1.0a`, `1.0-a` and `1.0.a` are the same version). Runs are compared in turn:
 * - two digit runs as numbers of any size (`1.10` > `1.9`, `1.01` = `1.1`);
 * - two letter runs as text, ignoring case (`1.0-alpha` < `1.0-beta` < `1.0-RC`);
 * - a digit run is newer than a letter run (`1.0.1` > `1.0-rc1`).
 * A version that has run out counts as a run of `0`: trailing zeros do not matter (`1.0` =
 * `1.0.0`), any further number makes the longer version newer (`1.0` < `1.0.1`) and any further
 * letters make it older, as pre-releases usually are (`1.0-rc1` < `1.0`) — except the
 * patch-level words `p`, `pl`, `patch`, `post` and `sp`, which make it newer (`2.0.1` <
 * `2.0.1-p1` < `2.0.1.1`), as Composer orders them.
 */

export type GenericRun = { readonly digits: string } | { readonly letters: string };

const READABLE = /^[A-Za-z0-9][A-Za-z0-9.\-_+~:]*$/;
const RUN = /[0-9]+|[A-Za-z]+/g;
const ZERO: GenericRun = { digits: '0' };

/** Words that mark a patch level after a release rather than a pre-release. */
const POST_RELEASE = new Set(['p', 'pl', 'patch', 'post', 'sp']);

/** The runs of `version`, or undefined when it is not a readable version. */
export function readGenericVersion(version: string): GenericRun[] | undefined {
  const text = /^[vV][0-9]/.test(version) ? version.slice(1) : version;
  if (!READABLE.test(text)) return undefined;
  return Array.from(text.matchAll(RUN), ([run]) =>
    /[0-9]/.test(run[0]!) ? { digits: run.replace(/^0+(?=.)/, '') } : { letters: run.toLowerCase() },
  );
}

function compareRun(a: GenericRun, b: GenericRun): -1 | 0 | 1 {
  if ('digits' in a && 'digits' in b) {
    if (a.digits.length !== b.digits.length) return a.digits.length < b.digits.length ? -1 : 1;
    return a.digits === b.digits ? 0 : a.digits < b.digits ? -1 : 1;
  }
  if ('letters' in a && 'letters' in b) {
    return a.letters === b.letters ? 0 : a.letters < b.letters ? -1 : 1;
  }
  const [letters, digits, sign] = 'letters' in a ? [a, b, 1] : [b, a, -1];
  // A patch-level word after a release (`2.0.1-p1`, `1.0-post2`, Composer's `-patch`) is newer
  // than the release itself, but older than the next number (`2.0.1.1`).
  if (
    'letters' in letters &&
    'digits' in digits &&
    POST_RELEASE.has(letters.letters) &&
    digits.digits === '0'
  )
    return sign === 1 ? 1 : -1;
  return 'digits' in a ? 1 : -1;
}

export function compareGenericRuns(a: readonly GenericRun[], b: readonly GenericRun[]): -1 | 0 | 1 {
  for (let k = 0; k < Math.max(a.length, b.length); k++) {
    const order = compareRun(a[k] ?? ZERO, b[k] ?? ZERO);
    if (order !== 0) return order;
  }
  return 0;
}
