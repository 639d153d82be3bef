import { useEffect, useState } from 'preact/hooks';
import type { ImageView } from '../../api/types.js';
import { ImageRow } from './image-row.js';
import { Pager } from './pager.js';

/** Rows drawn at a time: a long fleet is paged on the client, never drawn all at once. */
export const ROWS_PER_PAGE = 50;

/** The overview's table of images, a page of rows at a time (back to the first when the list changes). */
export function ImageTable({ images }: { images: readonly ImageView[] }) {
  const [page, setPage] = useState(1);
  useEffect(() => setPage(1), [images]);
  const pages = Math.max(1, Math.ceil(images.length / ROWS_PER_PAGE));
  const current = Math.min(page, pages);
  const start = (current - 1) * ROWS_PER_PAGE;
  const rows = images.slice(start, start + ROWS_PER_PAGE);
  return (
    <>
      <table class="grid" aria-label="Images">
        <thead>
          <tr>
            <th scope="col">Image</th>
            <th scope="col">Grade</th>
            <th scope="col">Policy</th>
            <th scope="col">Vulnerabilities</th>
            <th scope="col">KEV</th>
            <th scope="col">Status</th>
            <th scope="col">Distro</th>
            <th scope="col">Analyzed</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((image) => (
            <ImageRow key={image.imageDigest} image={image} />
          ))}
        </tbody>
      </table>
      <Pager
        page={current}
        pages={pages}
        first={images.length === 0 ? 0 : start + 1}
        last={start + rows.length}
        total={images.length}
        onPage={setPage}
      />
    </>
  );
}
