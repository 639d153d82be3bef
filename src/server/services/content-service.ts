import { NotFoundError } from '../../errors/index.js';
import { OS_PACKAGE_TYPES, type Package } from '../../model/package.js';
import type { Sbom } from '../../model/sbom.js';
import type { ServiceStore } from '../store/types.js';

/** The content types GET /images/{digest}/content/{type} answers (Anchore's names). */
export const CONTENT_TYPES = [
  'os',
  'npm',
  'python',
  'java',
  'gem',
  'go',
  'binary',
  'rust',
  'php',
  'dotnet',
  'files',
  'secrets',
  'users',
  'retrieved_files',
] as const;
export type ContentType = (typeof CONTENT_TYPES)[number];

export const METADATA_TYPES = ['manifest', 'dockerfile', 'docker_history'] as const;
export type MetadataType = (typeof METADATA_TYPES)[number];

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

/** What an analysis stored about an image, read back by content type. */
export class ContentService {
  constructor(private readonly store: ServiceStore) {}

  /** The stored SBOM of the account's image. */
  async sbom(accountId: string, digest: string): Promise<Sbom> {
    const image = await this.store.images.get(accountId, digest);
    if (!image) throw new NotFoundError(`no image ${digest}`);
    const sbom = await this.store.analyses.getSbom(digest);
    if (!sbom) throw new NotFoundError(`image ${digest} is not analyzed yet (${image.analysisStatus})`);
    return sbom;
  }

  async contentTypes(accountId: string, digest: string): Promise<ContentType[]> {
    await this.sbom(accountId, digest);
    return [...CONTENT_TYPES];
  }

  async content(accountId: string, digest: string, type: ContentType): Promise<unknown[]> {
    const sbom = await this.sbom(accountId, digest);
    switch (type) {
      case 'files':
        return sbom.files;
      case 'secrets':
        // The SBOM keeps only the redacted line of a secret, never the secret itself.
        return sbom.secrets;
      case 'users':
        return sbom.users;
      case 'retrieved_files':
        return sbom.retrievedFiles;
      case 'os':
        return sbom.packages.filter((p) => OS_PACKAGE_TYPES.includes(p.type)).map(packageContent);
      default:
        return sbom.packages.filter((p) => p.type === type).map(packageContent);
    }
  }

  async metadata(accountId: string, digest: string, type: MetadataType): Promise<unknown> {
    const sbom = await this.sbom(accountId, digest);
    if (type === 'manifest')
      return {
        digest: sbom.source.digest ?? digest,
        ...(sbom.source.configDigest !== undefined ? { config: sbom.source.configDigest } : {}),
        layers: sbom.source.layers,
      };
    if (type === 'dockerfile') return sbom.image?.dockerfile ?? '';
    return sbom.image?.history ?? [];
  }
}

function packageContent(p: Package): PackageContent {
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
