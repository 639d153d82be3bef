import { useMemo, useState } from 'preact/hooks';
import type { ImageView } from '../api/types.js';
import { useAllPages } from '../api/use-all-pages.js';
import { Status } from '../components/status.js';
import { shortDigest, when } from '../format.js';
import { href } from '../route.js';

/** Every image of the account, newest first, filtered by tag or digest as you type. */
export function ImagesPage() {
  const list = useAllPages<ImageView>('/images', 'images');
  const [filter, setFilter] = useState('');
  const shown = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    const images = list.items ?? [];
    if (!needle) return images;
    return images.filter(
      (i) =>
        i.imageDigest.includes(needle) ||
        i.image_detail.some((t) => t.fulltag.toLowerCase().includes(needle)),
    );
  }, [list.items, filter]);
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
      <Status loading={list.loading && !list.items} error={list.error} />
      {list.items && (
        <table class="grid" aria-label="Images">
          <thead>
            <tr>
              <th scope="col">Image</th>
              <th scope="col">Digest</th>
              <th scope="col">Status</th>
              <th scope="col">Distro</th>
              <th scope="col">Layers</th>
              <th scope="col">Analyzed</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((image) => (
              <tr key={image.imageDigest}>
                <td>
                  <a href={href('images', image.imageDigest)}>
                    {image.image_detail[0]?.fulltag ?? image.imageDigest}
                  </a>
                  {image.image_detail.length > 1 && (
                    <span class="muted"> +{image.image_detail.length - 1}</span>
                  )}
                </td>
                <td>
                  <code>{shortDigest(image.imageDigest)}</code>
                </td>
                <td>
                  <span class={`badge status-${image.analysis_status}`}>
                    {image.analysis_status.replace('_', ' ')}
                  </span>
                </td>
                <td>
                  {[image.image_content.metadata.distro, image.image_content.metadata.distro_version]
                    .filter(Boolean)
                    .join(' ') || '—'}
                </td>
                <td>{image.image_content.metadata.layer_count ?? '—'}</td>
                <td>{when(image.analyzed_at)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
