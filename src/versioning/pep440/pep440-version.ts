/**
 * PEP 440 versions as Python's `packaging.version.Version` reads, normalises and orders them:
 * `[N!]N(.N)*[{a|b|rc}N][.postN][.devN][+local]`, with the spelling variants PEP 440 allows.
 */

const PATTERN = new RegExp(
  '^\\s*v?(?:([0-9]+)!)?([0-9]+(?:\\.[0-9]+)*)' +
    '(?:[-_.]?(a|b|c|rc|alpha|beta|pre|preview)[-_.]?([0-9]+)?)?' +
    '(?:-([0-9]+)|[-_.]?(post|rev|r)[-_.]?([0-9]+)?)?' +
    '(?:[-_.]?(dev)[-_.]?([0-9]+)?)?' +
    '(?:\\+([a-z0-9]+(?:[-_.][a-z0-9]+)*))?\\s*$',
  'i',
);

const PRE_LETTERS: Readonly<Record<string, string>> = {
  a: 'a',
  alpha: 'a',
  b: 'b',
  beta: 'b',
  c: 'rc',
  rc: 'rc',
  pre: 'rc',
  preview: 'rc',
};

export interface Pep440Version {
  readonly epoch: bigint;
  readonly release: readonly bigint[];
  readonly pre?: { readonly letter: string; readonly number: bigint };
  readonly post?: bigint;
  readonly dev?: bigint;
  /** Local segments: numbers, or lower-case strings. */
  readonly local?: readonly (bigint | string)[];
}

export function parsePep440(text: string): Pep440Version | undefined {
  const m = PATTERN.exec(text);
  if (!m) return undefined;
  const [
    ,
    epoch,
    release = '0',
    preLetter,
    preNumber,
    postImplicit,
    postLetter,
    postNumber,
    dev,
    devNumber,
    local,
  ] = m;
  return {
    epoch: BigInt(epoch ?? 0),
    release: release.split('.').map(BigInt),
    ...(preLetter && {
      pre: { letter: PRE_LETTERS[preLetter.toLowerCase()] ?? '', number: BigInt(preNumber ?? 0) },
    }),
    ...(postImplicit !== undefined && { post: BigInt(postImplicit) }),
    ...(postLetter && { post: BigInt(postNumber ?? 0) }),
    ...(dev && { dev: BigInt(devNumber ?? 0) }),
    ...(local && {
      local: local.split(/[-_.]/).map((part) => (/^[0-9]+$/.test(part) ? BigInt(part) : part.toLowerCase())),
    }),
  };
}

export const isPrerelease = (v: Pep440Version): boolean => v.pre !== undefined || v.dev !== undefined;

/** The version without its local segment. */
export const publicPart = (v: Pep440Version): Pep440Version => ({ ...v, local: undefined });

/** Epoch and release only. */
export const baseVersion = (v: Pep440Version): Pep440Version => ({ epoch: v.epoch, release: v.release });

/** The normalised spelling (`str(Version(...))`). */
export function formatPep440(v: Pep440Version, options: { stripTrailingZeros?: boolean } = {}): string {
  let release = v.release.join('.');
  if (options.stripTrailingZeros) release = release.replace(/(\.0)+$/, '');
  let text = v.epoch !== 0n ? `${v.epoch}!${release}` : release;
  if (v.pre) text += `${v.pre.letter}${v.pre.number}`;
  if (v.post !== undefined) text += `.post${v.post}`;
  if (v.dev !== undefined) text += `.dev${v.dev}`;
  if (v.local) text += `+${v.local.join('.')}`;
  return text;
}

type Sign = -1 | 0 | 1;
const cmp = <T extends bigint | string>(a: T, b: T): Sign => (a < b ? -1 : a > b ? 1 : 0);

/** Missing parts sort as PEP 440 says: a dev release before pre-releases, no post before any. */
export function comparePep440(a: Pep440Version, b: Pep440Version): Sign {
  return (
    cmp(a.epoch, b.epoch) ||
    compareRelease(a.release, b.release) ||
    comparePre(a, b) ||
    compareOptional(a.post, b.post, -1) ||
    compareOptional(a.dev, b.dev, 1) ||
    compareLocal(a.local, b.local)
  );
}

function compareRelease(a: readonly bigint[], b: readonly bigint[]): Sign {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const order = cmp(a[i] ?? 0n, b[i] ?? 0n);
    if (order !== 0) return order;
  }
  return 0;
}

/** Rank of the pre-release part: -1 for a bare dev release, 1 for none, 0 for a real one. */
function preRank(v: Pep440Version): Sign {
  if (v.pre) return 0;
  return v.post === undefined && v.dev !== undefined ? -1 : 1;
}

function comparePre(a: Pep440Version, b: Pep440Version): Sign {
  const rank = cmp(BigInt(preRank(a)), BigInt(preRank(b)));
  if (rank !== 0 || !a.pre || !b.pre) return rank;
  return cmp(a.pre.letter, b.pre.letter) || cmp(a.pre.number, b.pre.number);
}

/** `missing` is where an absent part sorts: -1 before every value, 1 after. */
function compareOptional(a: bigint | undefined, b: bigint | undefined, missing: Sign): Sign {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? missing : (-missing as Sign);
  return cmp(a, b);
}

/** No local sorts first; within locals, strings sort before numbers. */
function compareLocal(a: Pep440Version['local'], b: Pep440Version['local']): Sign {
  if (!a || !b) return a === b ? 0 : a ? 1 : -1;
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === undefined || y === undefined) return x === undefined ? -1 : 1;
    if (typeof x !== typeof y) return typeof x === 'string' ? -1 : 1;
    const order = cmp(x, y);
    if (order !== 0) return order;
  }
  return 0;
}
