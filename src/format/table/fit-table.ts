import { wrapText } from './wrap-text.js';

const GAP = 2;

/**
 * Column widths that fit `maxWidth`: the natural widths when they fit, else the widest column
 * is narrowed one character at a time (never below its header, nor below `minWidth`) until the
 * table fits or nothing can give.
 */
export function fitWidths(headers: string[], rows: string[][], maxWidth: number, minWidth = 8): number[] {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const floor = headers.map((h) => Math.max(h.length, minWidth));
  const total = (): number => widths.reduce((a, b) => a + b, 0) + GAP * (widths.length - 1);
  while (total() > maxWidth) {
    let widest = -1;
    for (let i = 0; i < widths.length; i++) {
      if (widths[i]! > floor[i]! && (widest < 0 || widths[i]! > widths[widest]!)) widest = i;
    }
    if (widest < 0) break;
    widths[widest]!--;
  }
  return widths;
}

/**
 * Left-aligned columns separated by two spaces, with a header row, no wider than `maxWidth`:
 * a cell longer than its column wraps onto the following lines of its row.
 */
export function renderFittedTable(
  headers: string[],
  rows: string[][],
  maxWidth: number,
  widths = fitWidths(headers, rows, maxWidth),
): string {
  const out: string[] = [];
  for (const cells of [headers, ...rows]) {
    const wrapped = widths.map((w, i) => wrapText(cells[i] ?? '', w));
    const height = Math.max(...wrapped.map((c) => c.length));
    for (let line = 0; line < height; line++) {
      out.push(
        wrapped
          .map((c, i) => (i === wrapped.length - 1 ? (c[line] ?? '') : (c[line] ?? '').padEnd(widths[i]!)))
          .join(' '.repeat(GAP))
          .trimEnd(),
      );
    }
  }
  return `${out.join('\n')}\n`;
}
