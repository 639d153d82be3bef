import { useEffect, useState } from 'preact/hooks';
import { api, ApiError } from '../../api/client.js';
import type { ImageView, PackageContent, VulnerabilityView } from '../../api/types.js';
import { SeverityBadge } from '../../components/severity.js';
import { Status } from '../../components/status.js';
import { shortDigest } from '../../format.js';
import { href } from '../../route.js';
import { diffImages, type ImageDiff, type PackageChange } from './image-diff.js';

/** The digest the same tag pointed at before this one, if the account has seen it. */
function previousDigest(image: ImageView, sameTag: ImageView[], fullTag: string): string | undefined {
  const seen = (i: ImageView) => i.image_detail.find((t) => t.fulltag === fullTag)?.created_at ?? '';
  const mine = seen(image);
  return sameTag
    .filter((i) => i.imageDigest !== image.imageDigest && i.analysis_status === 'analyzed' && seen(i) < mine)
    .sort((a, b) => seen(b).localeCompare(seen(a)))[0]?.imageDigest;
}

async function contentOf(digest: string) {
  const [packages, vulns] = await Promise.all([
    api<{ content: PackageContent[] }>(`/images/${digest}/content/all`),
    api<{ vulnerabilities: VulnerabilityView[] }>(`/images/${digest}/vuln/all`),
  ]);
  return { packages: packages.content, vulnerabilities: vulns.vulnerabilities };
}

/** This digest against the previous digest of its (first) tag: packages and vulnerabilities. */
export function DiffTab({ image }: { image: ImageView }) {
  const fullTag = image.image_detail[0]?.fulltag;
  const [state, setState] = useState<{
    previous?: string;
    diff?: ImageDiff;
    none?: boolean;
    error?: ApiError;
  }>({});
  useEffect(() => {
    if (!fullTag) return setState({ none: true });
    let live = true;
    (async () => {
      const sameTag = await api<{ images: ImageView[] }>(
        `/images?fulltag=${encodeURIComponent(fullTag)}&limit=1000`,
      );
      const previous = previousDigest(image, sameTag.images, fullTag);
      if (!previous) return live && setState({ none: true });
      const [before, after] = await Promise.all([contentOf(previous), contentOf(image.imageDigest)]);
      if (live) setState({ previous, diff: diffImages(before, after) });
    })().catch(
      (err: unknown) =>
        live && setState({ error: err instanceof ApiError ? err : new ApiError(0, 'error', String(err)) }),
    );
    return () => {
      live = false;
    };
  }, [image, fullTag]);
  if (state.none)
    return <p class="muted">No earlier digest of {fullTag ?? 'this image'} has been analyzed.</p>;
  if (!state.diff || !state.previous) return <Status loading={!state.error} error={state.error} />;
  const { diff, previous } = state;
  return (
    <section aria-label="Changes since the previous digest">
      <p>
        Against <a href={href('images', previous)}>{shortDigest(previous)}</a>, the previous digest of{' '}
        <code>{fullTag}</code>: {diff.added.length} packages added, {diff.removed.length} removed,{' '}
        {diff.changed.length} changed; {diff.introduced.length} vulnerabilities introduced,{' '}
        {diff.fixed.length} fixed.
      </p>
      <PackageTable title="Packages added" rows={diff.added} />
      <PackageTable title="Packages removed" rows={diff.removed} />
      <PackageTable title="Packages changed" rows={diff.changed} />
      <VulnTable title="Vulnerabilities introduced" rows={diff.introduced} />
      <VulnTable title="Vulnerabilities fixed" rows={diff.fixed} />
    </section>
  );
}

function PackageTable({ title, rows }: { title: string; rows: PackageChange[] }) {
  if (rows.length === 0) return null;
  return (
    <table class="grid" aria-label={title}>
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">Package</th>
          <th scope="col">Type</th>
          <th scope="col">Before</th>
          <th scope="col">After</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={`${r.type} ${r.name}`}>
            <td>{r.name}</td>
            <td>{r.type}</td>
            <td>{r.before ?? ''}</td>
            <td>{r.after ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function VulnTable({ title, rows }: { title: string; rows: VulnerabilityView[] }) {
  if (rows.length === 0) return null;
  return (
    <table class="grid" aria-label={title}>
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">Vulnerability</th>
          <th scope="col">Severity</th>
          <th scope="col">Package</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((v) => (
          <tr key={`${v.vuln} ${v.package}`}>
            <td>{v.vuln}</td>
            <td>
              <SeverityBadge severity={v.severity} />
            </td>
            <td>{v.package}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
