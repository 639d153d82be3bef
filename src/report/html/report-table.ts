import { escapeHtml } from './html-escape.js';

export interface ReportColumn {
  label: string;
  /** Cells that may hold long paths, ids or digests: they wrap anywhere. */
  long?: boolean;
  /** Cells of several lines (one path a line): the line breaks are kept. */
  lines?: boolean;
}

/** A cell: its markup (already escaped), and the key the column sorts by when not its text. */
export interface ReportCell {
  html: string;
  sortKey?: string | number;
}

export interface ReportRow {
  cells: (ReportCell | string)[];
  className?: string;
}

function cellHtml(cell: ReportCell | string, column: ReportColumn | undefined): string {
  const { html, sortKey } = typeof cell === 'string' ? { html: cell, sortKey: undefined } : cell;
  const classes = [column?.long ? 'long' : '', column?.lines ? 'lines' : ''].filter(Boolean);
  const classAttr = classes.length ? ` class="${classes.join(' ')}"` : '';
  const sortAttr = sortKey === undefined ? '' : ` data-sort="${escapeHtml(String(sortKey))}"`;
  return `<td${classAttr}${sortAttr}>${html}</td>`;
}

/**
 * A table the page's script (table-script.ts) can filter and sort, in the order given, with its
 * filter box and row count above it (hidden until the script runs). `id` names the table and
 * the ids of its controls.
 */
export function reportTable(
  id: string,
  columns: readonly ReportColumn[],
  rows: readonly ReportRow[],
): string {
  const tableId = escapeHtml(id);
  const head = columns
    .map((c) => `<th scope="col"><button type="button">${escapeHtml(c.label)}</button></th>`)
    .join('');
  const body = rows
    .map((row) => {
      const classAttr = row.className ? ` class="${escapeHtml(row.className)}"` : '';
      return `<tr${classAttr}>${row.cells.map((c, i) => cellHtml(c, columns[i])).join('')}</tr>`;
    })
    .join('\n');
  return `<div class="table-tools" id="${tableId}-tools" hidden><label>Filter rows <input type="search" id="${tableId}-filter" aria-controls="${tableId}" autocomplete="off" spellcheck="false"></label>
<output id="${tableId}-count" for="${tableId}-filter">${rows.length} rows</output></div>
<table class="report" id="${tableId}">
<thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody>
</table>`;
}
