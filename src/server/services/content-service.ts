import { NotFoundError } from '../../errors/index.js';
import { OS_PACKAGE_TYPES } from '../../model/package.js';
import type { Sbom } from '../../model/sbom.js';
import type { ServiceStore } from '../store/types.js';
import type { PackageContent } from '../views/package-content.js';

export type { PackageContent } from '../views/package-content.js';

/** The content types GET /images/{digest}/content/{type} answers (Anchore's names). */
export const CONTENT_TYPES = [
  'all',
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
    if (type !== 'files' && type !== 'secrets' && type !== 'users' && type !== 'retrieved_files')
      return this.packageContent(accountId, digest, type);
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
    }
  }

  /** Packages of one type (every OS type for os, every package for all), from the stored projection, not the whole SBOM. */
  private async packageContent(
    accountId: string,
    digest: string,
    type: ContentType,
  ): Promise<PackageContent[]> {
    const image = await this.store.images.get(accountId, digest);
    if (!image) throw new NotFoundError(`no image ${digest}`);
    const packages = await this.store.analyses.getPackageContent(digest);
    if (!packages) throw new NotFoundError(`image ${digest} is not analyzed yet (${image.analysisStatus})`);
    if (type === 'all') return packages;
    return type === 'os'
      ? packages.filter((p) => (OS_PACKAGE_TYPES as readonly string[]).includes(p.type))
      : packages.filter((p) => p.type === type);
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
