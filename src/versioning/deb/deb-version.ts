/**
 * Debian package versions, `[epoch:]upstream[-revision]`, read and ordered the way dpkg's own
 * parser and comparison do (`dpkg --compare-versions`).
 *
 * Reading: blanks before the version and white space after it are ignored; white space inside
 * is an error. A colon makes the text before the first colon the epoch, a decimal number from 0
 * to 2147483647 (an optional sign is tolerated, as C's strtol does); the revision is whatever
 * follows the last hyphen and may not be empty; the upstream part may not be empty. dpkg only
 * warns when the upstream part does not start with a digit or either part holds characters
 * outside its alphabet, and compares such versions all the same, so they are readable here too.
 *
 * Ordering: epochs numerically, then upstream parts, then revisions (a missing revision is
 * the empty one), each with dpkg's algorithm: alternately a run of non-digits, compared
 * character by character with `~` before the end of the run, the end before letters, and
 * letters before everything else; then a run of digits, compared as numbers.
 */
import { InvalidVersionError } from '../../errors/index.js';

export interface DebVersion {
  readonly epoch: number;
  readonly upstream: string;
  readonly revision: string;
}

const INT_MAX = 2_147_483_647;
const LEADING_BLANKS = /^[ \t]+/;
const TRAILING_SPACE = /[ \t\n\v\f\r]+$/;
const ANY_SPACE = /[ \t\n\v\f\r]/;

/** The version dpkg reads from `text`, or a message saying why dpkg refuses it. */
export function readDebVersion(text: string): DebVersion | string {
  const trimmed = text.replace(LEADING_BLANKS, '').replace(TRAILING_SPACE, '');
  if (trimmed === '') return 'version string is empty';
  if (ANY_SPACE.test(trimmed)) return 'version string has embedded spaces';
  let epoch = 0;
  let rest = trimmed;
  const colon = trimmed.indexOf(':');
  if (colon >= 0) {
    const epochText = trimmed.slice(0, colon);
    if (!/^[+-]?\d/.test(epochText)) return 'epoch in version is empty';
    if (!/^[+-]?\d+$/.test(epochText)) return 'epoch in version is not number';
    const digits = epochText.replace(/^[+-]/, '').replace(/^0+(?=\d)/, '');
    const negative = epochText.startsWith('-') && /[1-9]/.test(digits);
    if (negative) return 'epoch in version is negative';
    if (digits.length > 10 || Number(digits) > INT_MAX) return 'epoch in version is too big';
    epoch = Number(digits);
    rest = trimmed.slice(colon + 1);
    if (rest === '') return 'nothing after colon in version number';
  }
  const hyphen = rest.lastIndexOf('-');
  const upstream = hyphen >= 0 ? rest.slice(0, hyphen) : rest;
  const revision = hyphen >= 0 ? rest.slice(hyphen + 1) : '';
  if (hyphen >= 0 && revision === '') return 'revision number is empty';
  if (upstream === '') return 'version number is empty';
  return { epoch, upstream, revision };
}

/** Like readDebVersion, but throws InvalidVersionError. */
export function parseDebVersion(text: string): DebVersion {
  const read = readDebVersion(text);
  if (typeof read === 'string') {
    throw new InvalidVersionError(`invalid Debian version ${JSON.stringify(text)}: ${read}`);
  }
  return read;
}

const TILDE = 0x7e;

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function isLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/**
 * Weight of one byte of a non-digit run; 0 is the end of the run. dpkg reads bytes as signed
 * chars, so bytes beyond ASCII weigh their own value: after letters, before other symbols.
 */
function weight(code: number | undefined): number {
  if (code === undefined || isDigit(code)) return 0;
  if (code === TILDE) return -1;
  if (isLetter(code) || code >= 0x80) return code;
  return code + 256;
}

/** dpkg compares the bytes of the UTF-8 text. */
function codes(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** dpkg's comparison of one upstream part or revision against another. */
export function compareDebPart(a: string, b: string): -1 | 0 | 1 {
  const x = codes(a);
  const y = codes(b);
  let i = 0;
  let j = 0;
  while (i < x.length || j < y.length) {
    while ((i < x.length && !isDigit(x[i] as number)) || (j < y.length && !isDigit(y[j] as number))) {
      const wa = weight(x[i]);
      const wb = weight(y[j]);
      if (wa !== wb) return wa < wb ? -1 : 1;
      i++;
      j++;
    }
    while (x[i] === 0x30) i++;
    while (y[j] === 0x30) j++;
    let first = 0;
    while (i < x.length && isDigit(x[i] as number) && j < y.length && isDigit(y[j] as number)) {
      if (first === 0) first = (x[i] as number) - (y[j] as number);
      i++;
      j++;
    }
    if (i < x.length && isDigit(x[i] as number)) return 1;
    if (j < y.length && isDigit(y[j] as number)) return -1;
    if (first !== 0) return first < 0 ? -1 : 1;
  }
  return 0;
}

export function compareDebVersions(a: DebVersion, b: DebVersion): -1 | 0 | 1 {
  if (a.epoch !== b.epoch) return a.epoch < b.epoch ? -1 : 1;
  return compareDebPart(a.upstream, b.upstream) || compareDebPart(a.revision, b.revision);
}
