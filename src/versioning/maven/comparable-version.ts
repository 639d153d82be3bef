/**
 * Maven's ComparableVersion ordering (maven-artifact 3.8), rebuilt from its documented and
 * observed behaviour: a version becomes a tree of items (numbers, qualifiers, nested lists
 * opened by `-` and by digit/letter transitions), trailing "null" items are trimmed, and the
 * trees are compared item by item.
 */

/**
 * A number keeps the size class Maven stores it in (int up to 9 digits, long up to 18, big
 * beyond, counted after leading zeros are stripped): numbers of different classes compare by
 * class alone, so `1.0.1` and `1.0000000000.1` differ as they do in Maven.
 */
export type MavenItem =
  | { readonly kind: 'number'; readonly size: 0 | 1 | 2; readonly value: bigint }
  | { readonly kind: 'qualifier'; readonly value: string }
  | { readonly kind: 'list'; readonly items: MavenItem[] };

/** Known qualifiers in ascending order; the empty qualifier is the release itself. */
const QUALIFIERS = ['alpha', 'beta', 'milestone', 'rc', 'snapshot', '', 'sp'];
const RELEASE_KEY = String(QUALIFIERS.indexOf(''));
const ALIASES: Readonly<Record<string, string>> = { ga: '', final: '', release: '', cr: 'rc' };
const SHORTHANDS: Readonly<Record<string, string>> = { a: 'alpha', b: 'beta', m: 'milestone' };

/** Sort key of a qualifier: its rank among the known ones, unknown ones after them by text. */
function qualifierKey(value: string): string {
  const rank = QUALIFIERS.indexOf(value);
  return rank === -1 ? `${QUALIFIERS.length}-${value}` : String(rank);
}

function qualifier(text: string, followedByDigit: boolean): MavenItem {
  const expanded = followedByDigit && text.length === 1 ? (SHORTHANDS[text] ?? text) : text;
  return { kind: 'qualifier', value: ALIASES[expanded] ?? expanded };
}

function numberItem(digits: string): MavenItem {
  const stripped = digits.replace(/^0+(?=.)/, '');
  // An all-zero run keeps its full length when Maven classifies it.
  const significant = /^0+$/.test(digits) ? digits : stripped;
  const size = significant.length <= 9 ? 0 : significant.length <= 18 ? 1 : 2;
  return { kind: 'number', size, value: BigInt(digits) };
}

function item(isDigit: boolean, text: string): MavenItem {
  return isDigit ? numberItem(text) : qualifier(text, false);
}

function isNull(it: MavenItem): boolean {
  if (it.kind === 'number') return it.value === 0n;
  if (it.kind === 'qualifier') return qualifierKey(it.value) === RELEASE_KEY;
  return it.items.length === 0;
}

/** Drops trailing null items, looking past nested lists that are not null. */
function trim(list: MavenItem[]): void {
  for (let i = list.length - 1; i >= 0; i--) {
    const it = list[i] as MavenItem;
    if (isNull(it)) list.splice(i, 1);
    else if (it.kind !== 'list') break;
  }
}

const ZERO: MavenItem = { kind: 'number', size: 0, value: 0n };

/** Parses a version into Maven's item tree. Any string parses; callers validate first. */
export function parseMavenVersion(version: string): MavenItem[] {
  const text = version.toLowerCase();
  const root: MavenItem[] = [];
  const lists: MavenItem[][] = [root];
  let list = root;
  const open = (): void => {
    const child: MavenItem[] = [];
    list.push({ kind: 'list', items: child });
    lists.push(child);
    list = child;
  };
  let isDigit = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '.' || c === '-') {
      list.push(i === start ? ZERO : item(isDigit, text.slice(start, i)));
      start = i + 1;
      if (c === '-') open();
    } else if (c >= '0' && c <= '9') {
      if (!isDigit && i > start) {
        // `.x1` is read like `-x1`: a qualifier followed by a number opens its own list.
        if (list.length > 0) open();
        list.push(qualifier(text.slice(start, i), true));
        start = i;
        open();
      }
      isDigit = true;
    } else {
      if (isDigit && i > start) {
        list.push(numberItem(text.slice(start, i)));
        start = i;
        open();
      }
      isDigit = false;
    }
  }
  if (text.length > start) {
    if (!isDigit && list.length > 0) open();
    list.push(item(isDigit, text.slice(start)));
  }
  for (let i = lists.length - 1; i >= 0; i--) trim(lists[i] as MavenItem[]);
  return root;
}

function sign(n: number | bigint): -1 | 0 | 1 {
  return n > 0 ? 1 : n < 0 ? -1 : 0;
}

function compareText(a: string, b: string): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareLists(a: readonly MavenItem[], b: readonly MavenItem[]): -1 | 0 | 1 {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const left = a[i];
    const right = b[i];
    const result =
      left === undefined
        ? right === undefined
          ? 0
          : (-compareItem(right, undefined) as -1 | 0 | 1)
        : compareItem(left, right);
    if (result !== 0) return result;
  }
  return 0;
}

/** Compares one item with another, or with the absent item (`undefined`) padding a shorter list. */
export function compareItem(a: MavenItem, b: MavenItem | undefined): -1 | 0 | 1 {
  switch (a.kind) {
    case 'number':
      if (b === undefined) return a.value === 0n ? 0 : 1;
      if (b.kind !== 'number') return 1;
      return a.size !== b.size ? sign(a.size - b.size) : sign(a.value - b.value);
    case 'qualifier':
      if (b === undefined) return compareText(qualifierKey(a.value), RELEASE_KEY);
      if (b.kind !== 'qualifier') return -1;
      return compareText(qualifierKey(a.value), qualifierKey(b.value));
    case 'list':
      if (b === undefined) {
        for (const it of a.items) {
          const result = compareItem(it, undefined);
          if (result !== 0) return result;
        }
        return 0;
      }
      if (b.kind === 'number') return -1;
      if (b.kind === 'qualifier') return 1;
      return compareLists(a.items, b.items);
  }
}

/** Orders two parsed versions as ComparableVersion.compareTo does. */
export function compareMavenItems(a: readonly MavenItem[], b: readonly MavenItem[]): -1 | 0 | 1 {
  return compareLists(a, b);
}
