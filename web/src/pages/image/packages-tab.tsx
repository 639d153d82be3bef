import { useMemo, useState } from 'preact/hooks';
import type { PackageContent } from '../../api/types.js';
import { useApi } from '../../api/use-api.js';
import { Status } from '../../components/status.js';
import { shortDigest } from '../../format.js';

/** Every package of every type the analysis found, filtered by type, name and layer. */
export function PackagesTab({ digest }: { digest: string }) {
  const all = useApi<{ content: PackageContent[] }>(`/images/${digest}/content/all`);
  const packages = all.data?.content;
  const [type, setType] = useState('');
  const [name, setName] = useState('');
  const [layer, setLayer] = useState('');
  const layers = useMemo(
    () => [...new Set((packages ?? []).map((p) => p.layer).filter(Boolean))] as string[],
    [packages],
  );
  const shown = useMemo(() => {
    const needle = name.trim().toLowerCase();
    return (packages ?? [])
      .filter((p) => !type || p.type === type)
      .filter((p) => !layer || p.layer === layer)
      .filter((p) => !needle || p.package.toLowerCase().includes(needle))
      .sort((a, b) => a.package.localeCompare(b.package));
  }, [packages, type, name, layer]);
  const packageTypes = useMemo(() => [...new Set((packages ?? []).map((p) => p.type))].sort(), [packages]);
  return (
    <section aria-label="Packages">
      <div class="toolbar">
        <label>
          Type{' '}
          <select name="type" value={type} onChange={(e) => setType((e.target as HTMLSelectElement).value)}>
            <option value="">Any</option>
            {packageTypes.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <label>
          Layer{' '}
          <select
            name="layer"
            value={layer}
            onChange={(e) => setLayer((e.target as HTMLSelectElement).value)}
          >
            <option value="">Any</option>
            {layers.map((l) => (
              <option key={l} value={l}>
                {shortDigest(l)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span class="visually-hidden">Package name</span>
          <input
            type="search"
            placeholder="Package name"
            value={name}
            onInput={(e) => setName((e.target as HTMLInputElement).value)}
          />
        </label>
        {packages && (
          <span class="muted" data-testid="package-count">
            {shown.length} of {packages.length}
          </span>
        )}
      </div>
      <Status loading={all.loading && !packages} error={all.error} />
      {packages && (
        <table class="grid" aria-label="Package list">
          <thead>
            <tr>
              <th scope="col">Package</th>
              <th scope="col">Version</th>
              <th scope="col">Type</th>
              <th scope="col">Licenses</th>
              <th scope="col">Location</th>
              <th scope="col">Layer</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((p) => (
              <tr key={`${p.type} ${p.package} ${p.version} ${p.location}`}>
                <td>{p.package}</td>
                <td>{p.version}</td>
                <td>{p.type}</td>
                <td>{p.licenses.join(', ')}</td>
                <td>
                  <code>{p.location}</code>
                </td>
                <td>{p.layer ? <code>{shortDigest(p.layer)}</code> : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
