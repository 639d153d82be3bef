/**
 * Cuts `text` into lines of at most `width` characters: at a space where that fills at least
 * half the line, else after a `/`, `-`, `+`, `,` or `(` (paths, ids, lists), else at any space,
 * else anywhere. Never returns an empty list.
 */
export function wrapText(text: string, width: number): string[] {
  const limit = Math.max(1, width);
  const lines: string[] = [];
  let rest = text.replace(/\s+/g, ' ').trim();
  while (rest.length > limit) {
    const head = rest.slice(0, limit + 1);
    const space = head.lastIndexOf(' ');
    const mark = Math.max(...['/', '-', '+', ',', '('].map((c) => head.lastIndexOf(c, limit - 1)));
    if (space > 0 && (space >= limit / 2 || mark <= space)) {
      lines.push(rest.slice(0, space));
      rest = rest.slice(space + 1);
      continue;
    }
    const at = mark > 0 ? mark + 1 : limit;
    lines.push(rest.slice(0, at));
    rest = rest.slice(at);
  }
  lines.push(rest);
  return lines;
}
