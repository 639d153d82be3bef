import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { isCustomsError, SourceFormatError, TooLargeError, UsageError } from '../../errors/index.js';
import type { Sbom } from '../../model/sbom.js';
import { parseImageReference } from '../../source/reference/index.js';
import { openSource, parseSource } from '../../source/open-source.js';
import { readSbomFile } from '../../source/sbom/index.js';
import type { JobQueue } from '../queue/types.js';
import type { ImageSummaryMetadata, ServiceStore } from '../store/types.js';
import type { ImageService } from './image-service.js';
import { tagOf } from './image-service.js';
import type { ImageView } from './image-view.js';
import { uploadPath } from './upload-path.js';

export interface UploadServiceOptions {
  dataDir: string;
  now: () => Date;
}

/**
 * Uploaded images: an oci or docker archive (streamed to the data dir, then analyzed by a
 * worker), or an SBOM document (CycloneDX, SPDX or customs-sbom/1: stored at once, then scanned).
 */
export class UploadService {
  constructor(
    private readonly store: ServiceStore,
    private readonly queue: JobQueue,
    private readonly images: ImageService,
    private readonly options: UploadServiceOptions,
  ) {}

  /** Writes the stream to a new upload file; `truncated` says the size limit cut it. */
  async receive(stream: Readable, isTruncated: () => boolean): Promise<string> {
    const id = randomUUID();
    const target = uploadPath(this.options.dataDir, id);
    await mkdir(path.dirname(target), { recursive: true });
    const partial = `${target}.part`;
    try {
      await pipeline(stream, createWriteStream(partial, { mode: 0o600 }));
      if (isTruncated()) throw new TooLargeError('the upload is larger than the server accepts');
      await rename(partial, target);
    } catch (err) {
      await rm(partial, { force: true });
      throw err;
    }
    return id;
  }

  /** Registers an upload: an SBOM document when it starts like JSON or XML, else an image archive. */
  async register(accountId: string, uploadId: string, tag: string | undefined): Promise<ImageView> {
    const file = uploadPath(this.options.dataDir, uploadId);
    const tagRef = tag !== undefined ? tagOf(parseImageReference(tag)) : undefined;
    try {
      if (await looksLikeDocument(file)) return await this.registerSbom(accountId, file, tagRef);
      return await this.registerArchive(accountId, uploadId, file, tagRef);
    } catch (err) {
      await rm(file, { force: true });
      throw withoutServerPath(err, file);
    }
  }

  private async registerArchive(
    accountId: string,
    uploadId: string,
    file: string,
    tag: ReturnType<typeof tagOf> | undefined,
  ): Promise<ImageView> {
    const notAnImage = (why: string) =>
      new SourceFormatError(`the upload is neither an OCI or docker archive nor an SBOM document (${why})`);
    let type: Awaited<ReturnType<typeof parseSource>>['type'];
    try {
      ({ type } = await parseSource(file));
    } catch (err) {
      if (isCustomsError(err) && err.code === 'source-format') throw notAnImage(err.message);
      throw err;
    }
    if (type !== 'oci-archive' && type !== 'docker-archive') throw notAnImage(`read as ${type}`);
    let digest: string | undefined;
    try {
      const image = await openSource(`${type}:${file}`);
      try {
        // A classic `docker save` archive has no manifest: its image id (the config digest) names it.
        digest = image.source.manifestDigest ?? image.source.configDigest;
      } finally {
        await image.close();
      }
    } catch (err) {
      if (isCustomsError(err) && err.code === 'source-format') throw notAnImage(err.message);
      throw err;
    }
    if (!digest) throw new SourceFormatError('the archive has no image manifest');
    return this.images.register(
      accountId,
      digest,
      { kind: 'archive', format: type, uploadId },
      undefined,
      tag,
    );
  }

  private async registerSbom(
    accountId: string,
    file: string,
    tag: ReturnType<typeof tagOf> | undefined,
  ): Promise<ImageView> {
    const sbom = await readSbomFile(file);
    const digest =
      sbomDigest(sbom) ??
      `sha256:${createHash('sha256')
        .update(await readFile(file))
        .digest('hex')}`;
    await rm(file, { force: true });
    const at = this.options.now().toISOString();
    await this.store.analyses.putSbom(digest, sbom, at);
    await this.store.images.upsert({
      accountId,
      digest,
      origin: { kind: 'sbom' },
      ...(tag ? { tag } : {}),
      at,
    });
    await this.store.images.setStatus(digest, 'analyzed', { at, metadata: sbomMetadata(sbom) });
    await this.queue.enqueue(
      'evaluate-image',
      { digest, accountId, reason: 'sbom uploaded' },
      { singletonKey: `evaluate:${digest}` },
    );
    return this.images.get(accountId, digest);
  }
}

/** A typed error's message with the server's upload path replaced by "the upload". */
function withoutServerPath(err: unknown, file: string): unknown {
  if (isCustomsError(err) && err.message.includes(file))
    err.message = err.message.replaceAll(`sbom:${file}`, 'the upload').replaceAll(file, 'the upload');
  return err;
}

function sbomDigest(sbom: Sbom): string | undefined {
  const digest = sbom.source.digest;
  return digest !== undefined && /^sha256:[a-f0-9]{64}$/.test(digest) ? digest : undefined;
}

/** The summary an image list shows, from an SBOM. */
export function sbomMetadata(sbom: Sbom): ImageSummaryMetadata {
  return {
    ...(sbom.image?.architecture !== undefined ? { arch: sbom.image.architecture } : {}),
    ...(sbom.image?.os !== undefined ? { os: sbom.image.os } : {}),
    ...(sbom.distro ? { distro: sbom.distro.id, distroVersion: sbom.distro.versionId } : {}),
    imageSize: sbom.source.layers.reduce((sum, l) => sum + l.size, 0),
    layerCount: sbom.source.layers.length,
  };
}

async function looksLikeDocument(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(512), 0, 512, 0);
    if (bytesRead === 0) throw new UsageError('the upload is empty');
    const start = buffer
      .subarray(0, bytesRead)
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trimStart()[0];
    return start === '{' || start === '<';
  } finally {
    await handle.close();
  }
}
