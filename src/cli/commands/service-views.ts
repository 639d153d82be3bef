import type { DerivedImages, FeedStatus, ServiceImage, ServicePolicy } from '../../client/customs-api.js';
import { UsageError } from '../../errors/index.js';
import { renderTable } from '../../format/table/render-table.js';

/** The formats of `image list|get`, `policy list` and `feeds status`. */
export const VIEW_FORMATS = ['table', 'json'] as const;
export type ViewFormat = (typeof VIEW_FORMATS)[number];

export function viewFormat(name: string): ViewFormat {
  if ((VIEW_FORMATS as readonly string[]).includes(name)) return name as ViewFormat;
  throw new UsageError(`unknown output format "${name}" (choose from ${VIEW_FORMATS.join(', ')})`);
}

export const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

export function imagesTable(images: readonly ServiceImage[]): string {
  if (images.length === 0) return 'no images\n';
  return renderTable(
    ['DIGEST', 'TAG', 'STATUS', 'ANALYZED'],
    images.map((image) => [
      image.imageDigest,
      image.image_detail.map((d) => d.fulltag).join(', ') || '-',
      image.analysis_status,
      image.analyzed_at ?? '-',
    ]),
  );
}

export function imageDetail(image: ServiceImage): string {
  const meta = image.image_content.metadata;
  const rows: [string, string | number | undefined][] = [
    ['digest', image.imageDigest],
    ['status', image.analysis_status],
    ['failure', image.failure_reason],
    ['tags', image.image_detail.map((d) => d.fulltag).join(', ') || undefined],
    ['origin', [image.origin.kind, image.origin.reference ?? image.origin.format].filter(Boolean).join(' ')],
    ['distro', [meta.distro, meta.distro_version].filter(Boolean).join(' ') || undefined],
    ['platform', [meta.os, meta.arch].filter(Boolean).join('/') || undefined],
    ['layers', meta.layer_count],
    ['size', meta.image_size],
    ['added', image.created_at],
    ['analyzed', image.analyzed_at],
    ...provenanceRows(image.provenance),
  ];
  for (const [name, value] of Object.entries(image.annotations)) rows.push([`annotation ${name}`, value]);
  const shown = rows.filter((row): row is [string, string | number] => row[1] !== undefined && row[1] !== '');
  const width = Math.max(...shown.map(([name]) => name.length));
  return shown.map(([name, value]) => `${name.padEnd(width)}  ${value}\n`).join('');
}

type Named = { digest: string; tags: string[] };
const nameOf = (image: Named): string => image.tags[0] ?? image.digest;
const layers = (n: number): string => `${n} layer${n === 1 ? '' : 's'}`;

/** The base chain, outermost first (images with the same layers joined by " = "), and the own layers. */
function provenanceRows(p: ServiceImage['provenance']): [string, string | undefined][] {
  if (!p) return [];
  const rows: [string, string | undefined][] = [
    ['registry', p.registry !== undefined ? `${p.registry}/${p.repository ?? ''}` : undefined],
  ];
  p.base_images.forEach((level, i) => {
    const added = i === 0 ? '' : `, +${level.layers_added}`;
    rows.push([
      `base ${i + 1}`,
      `${level.images.map(nameOf).join(' = ')} (${layers(level.layer_count)}${added})`,
    ]);
  });
  if (p.own_layers && p.layer_count !== undefined) {
    const { first_index, count } = p.own_layers;
    rows.push([
      'own',
      count === 0 ? 'no layers' : `${layers(count)} of ${p.layer_count} (from layer ${first_index + 1})`,
    ]);
  }
  if (p.same_layers.length > 0) rows.push(['same as', p.same_layers.map(nameOf).join(', ')]);
  return rows;
}

export function derivedTable(derived: DerivedImages): string {
  if (derived.images.length === 0) return 'no known image is built on it\n';
  return renderTable(
    ['DIGEST', 'TAG', 'LAYERS', 'ADDED', 'DIRECT'],
    derived.images.map((image) => [
      image.digest,
      image.tags.join(', ') || '-',
      String(image.layer_count),
      `+${image.layers_added}`,
      image.direct ? 'yes' : 'no',
    ]),
  );
}

export function policiesTable(policies: readonly ServicePolicy[]): string {
  if (policies.length === 0) return 'no policies\n';
  return renderTable(
    ['ID', 'NAME', 'ACTIVE', 'UPDATED'],
    policies.map((p) => [p.policyId, p.name, p.active ? 'yes' : 'no', p.last_updated]),
  );
}

export function feedsTable(status: FeedStatus): string {
  if (!status.available) return 'no vulnerability data on the service yet (run `customs feeds sync`)\n';
  const head = `data: ${status.location ?? '-'}\nlast sync: ${status.last_sync ?? 'never'}\n`;
  if (status.feeds.length === 0) return head;
  return (
    head +
    renderTable(
      ['FEED', 'LAST SYNC', 'RECORDS'],
      status.feeds.map((f) => [f.name, f.last_full_sync ?? '-', String(f.record_count)]),
    )
  );
}
