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
