/** Characters with a meaning in a pattern; every other character stands for itself. */
const META = new Set(['\\', '.', '+', '*', '?', '(', ')', '[', ']', '{', '}', '|', '^', '$']);

/**
 * The text a pattern stands for when it is only that text: literal characters and escaped
 * punctuation (`registry\.example\.com`), optionally ending in `$`. Such a pattern needs no
 * engine: it matches at the start of a value exactly when the value starts with the text (or,
 * with `$`, is the text). Undefined for anything else (a class, a quantifier, an escape such as
 * `\d`, inline flags), which the engine must compile.
 */
export function literalPattern(source: string): { text: string; wholeValue: boolean } | undefined {
  let text = '';
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      const next = source[i + 1];
      if (next === undefined || /[A-Za-z0-9]/.test(next) || next.charCodeAt(0) > 0x7e) return undefined;
      text += next;
      i++;
      continue;
    }
    if (c === '$' && i === source.length - 1) return { text, wholeValue: true };
    if (META.has(c)) return undefined;
    text += c;
  }
  return { text, wholeValue: false };
}

/**
 * Text every match of a pattern anchored at the start must begin with: the literal characters
 * before the first construct, without the last one when a quantifier follows it, and none when
 * an alternation at the top level could match something else. A cheap first test for
 * start-anchored matching (`team1/(app|svc)-[a-z]+` → `team1/`); empty when nothing is known.
 * Case-sensitive: callers matching with `i` must not use it.
 */
export function literalPrefix(source: string): string {
  if (topLevelAlternation(source)) return '';
  let text = '';
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    let literal = c;
    let width = 1;
    if (c === '\\') {
      const next = source[i + 1];
      if (next === undefined || /[A-Za-z0-9]/.test(next) || next.charCodeAt(0) > 0x7e) break;
      literal = next;
      width = 2;
    } else if (META.has(c)) {
      break;
    }
    const after = source[i + width];
    if (after === '*' || after === '?' || after === '{') break;
    text += literal;
    i += width - 1;
  }
  return text;
}

/** Whether `|` occurs outside every group and class (escapes skipped). */
function topLevelAlternation(source: string): boolean {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') {
      inClass = true;
      if (source[i + 1] === '^') i++;
      if (source[i + 1] === ']') i++;
    } else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth <= 0) return true;
  }
  return false;
}
