/** Previous / next through a list shown a page at a time, with where the page is in it. */
export function Pager({
  page,
  pages,
  first,
  last,
  total,
  onPage,
}: {
  page: number;
  pages: number;
  first: number;
  last: number;
  total: number;
  onPage(page: number): void;
}) {
  if (total === 0) return null;
  return (
    <nav class="pager" aria-label="Image pages">
      <button type="button" class="secondary" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        Previous
      </button>
      <span data-testid="image-range">
        {first}–{last} of {total}
      </span>
      <button type="button" class="secondary" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        Next
      </button>
    </nav>
  );
}
