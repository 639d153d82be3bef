import type { Package } from '../../model/package.js';

/** One package as GET /images/{digest}/content/{type} answers it (Anchore's field names). */
export interface PackageContent {
  package: string;
  version: string;
  type: string;
  origin?: string;
  license: string;
  licenses: string[];
  sourcepkg?: string;
  purl?: string;
  location: string;
  layer?: string;
}

export function packageContent(p: Package): PackageContent {
  const meta = (p.metadata ?? {}) as { source?: unknown };
  const licenses = p.licenses ?? [];
  return {
    package: p.name,
    version: p.version,
    type: p.type,
    license: licenses.join(' ') || 'Unknown',
    licenses,
    ...(typeof meta.source === 'string' ? { sourcepkg: meta.source } : {}),
    ...(p.purl !== undefined ? { purl: p.purl } : {}),
    location: p.locations[0]?.path ?? '',
    ...(p.locations[0]?.layer !== undefined ? { layer: p.locations[0].layer } : {}),
  };
}
