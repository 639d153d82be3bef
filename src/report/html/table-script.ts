/**
 * The inline script of the HTML reports (no framework, nothing fetched): for every
 * `table.report`, the filter box hides the rows that do not contain every word typed, and a
 * column's header button sorts the rows by it (numbers as numbers, a cell's `data-sort` before
 * its text; a second click reverses; ties keep the report's order). Without script the table is
 * the same, in the report's order, and the filter box stays hidden.
 */
export const TABLE_SCRIPT = `for (const table of document.querySelectorAll('table.report')) {
  const body = table.tBodies[0];
  const rows = Array.from(body.rows);
  const texts = rows.map((row) => Array.from(row.cells, (c) => c.textContent).join('\\n').toLowerCase());
  const filter = document.getElementById(table.id + '-filter');
  const count = document.getElementById(table.id + '-count');
  filter.addEventListener('input', () => {
    const words = filter.value.toLowerCase().split(/\\s+/).filter(Boolean);
    let shown = 0;
    rows.forEach((row, i) => {
      row.hidden = !words.every((w) => texts[i].includes(w));
      if (!row.hidden) shown++;
    });
    count.textContent = (shown === rows.length ? '' : shown + ' of ') + rows.length + ' rows';
  });
  const collator = new Intl.Collator(undefined, { numeric: true });
  const number = (s) => (s.trim() === '' ? NaN : Number(s));
  const compare = (a, b) =>
    isNaN(number(a)) || isNaN(number(b)) ? collator.compare(a, b) : number(a) - number(b);
  const heads = Array.from(table.tHead.rows[0].cells);
  heads.forEach((th, col) => {
    th.querySelector('button').addEventListener('click', () => {
      const dir = th.getAttribute('aria-sort') === 'ascending' ? -1 : 1;
      for (const h of heads) h.removeAttribute('aria-sort');
      th.setAttribute('aria-sort', dir === 1 ? 'ascending' : 'descending');
      const keyed = rows.map((row, i) => {
        const cell = row.cells[col];
        return { row, i, key: cell.dataset.sort ?? cell.textContent.trim() };
      });
      keyed.sort((a, b) => dir * compare(a.key, b.key) || a.i - b.i);
      body.append(...keyed.map((k) => k.row));
    });
  });
  document.getElementById(table.id + '-tools').hidden = false;
}`;
