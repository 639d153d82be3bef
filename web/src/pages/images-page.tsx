import { useMemo, useState } from 'preact/hooks';
import type { ImageView } from '../api/types.js';
import { useAllPages } from '../api/use-all-pages.js';
import { Status } from '../components/status.js';
import { filterImages } from './overview/filter-images.js';
import { FleetTrend } from './overview/fleet-trend.js';
import { ImageTable } from './overview/image-table.js';

/**
 * The overview: the account's vulnerabilities over time, then every image (newest first) with
 * its grade, last policy result and counts, filtered by tag or digest as you type.
 */
export function ImagesPage() {
  const list = useAllPages<ImageView>('/images', 'images');
  const [filter, setFilter] = useState('');
  const shown = useMemo(() => filterImages(list.items ?? [], filter), [list.items, filter]);
  return (
    <section>
      <div class="toolbar">
        <h1>Images</h1>
        <label>
          <span class="visually-hidden">Filter images</span>
          <input
            type="search"
            placeholder="Filter by tag or digest"
            value={filter}
            onInput={(e) => setFilter((e.target as HTMLInputElement).value)}
          />
        </label>
        {list.items && !list.loading && (
          <span class="muted" data-testid="image-count">
            {shown.length} of {list.total}
          </span>
        )}
      </div>
      <FleetTrend />
      <Status loading={list.loading && !list.items} error={list.error} />
      {list.items && <ImageTable images={shown} />}
    </section>
  );
}
