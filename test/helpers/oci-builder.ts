import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildTar, type TarFileSpec } from './tar-builder.js';

export type LayerCompression = 'gzip' | 'zstd' | 'none';

export interface LayerSpec {
  entries: TarFileSpec[];
  /** The layer's tar bytes as given (crafted archives); `entries` is then ignored. */
  tar?: Buffer;
  /** A blob compressed beforehand (too big to hold as a tar), with the digest of its tar. */
  precompressed?: { blob: Buffer; diffId: string };
  compression?: LayerCompression;
  createdBy?: string;
  /** Overrides, to make broken images on purpose. */
  mediaType?: string;
  corruptBlob?: (blob: Buffer) => Buffer;
  wrongDiffId?: boolean;
}

export interface ImageSpec {
  layers: LayerSpec[];
  config?: Record<string, unknown>;
  architecture?: string;
  tag?: string;
  manifestMediaType?: string;
  /** Replace the manifest bytes (after digests are computed from the real ones: a mismatch). */
  manifestOverride?: (manifest: Buffer) => Buffer;
  /** Store the manifest bytes as given, under their own digest (e.g. not JSON). */
  rawManifest?: Buffer;
}

const sha256 = (b: Buffer | string): string => 'sha256:' + createHash('sha256').update(b).digest('hex');

function compress(tar: Buffer, how: LayerCompression): Buffer {
  if (how === 'gzip') return gzipSync(tar);
  if (how === 'zstd') return execFileSync('zstd', ['-q', '-c', '-'], { input: tar });
  return tar;
}

const MEDIA: Record<LayerCompression, string> = {
  gzip: 'application/vnd.oci.image.layer.v1.tar+gzip',
  zstd: 'application/vnd.oci.image.layer.v1.tar+zstd',
  none: 'application/vnd.oci.image.layer.v1.tar',
};

/** Writes a small OCI image layout to `dir` from in-memory layer specs; returns the manifest digest. */
export async function writeOciLayout(dir: string, spec: ImageSpec): Promise<string> {
  mkdirSync(join(dir, 'blobs', 'sha256'), { recursive: true });
  const put = (bytes: Buffer | string): { digest: string; size: number } => {
    const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes);
    const digest = sha256(buf);
    writeFileSync(join(dir, 'blobs', 'sha256', digest.slice(7)), buf);
    return { digest, size: buf.length };
  };
  const layers = [];
  const diffIds = [];
  const history = [];
  for (const layer of spec.layers) {
    const tar = layer.precompressed ? Buffer.alloc(0) : (layer.tar ?? (await buildTar(layer.entries)));
    const compression = layer.compression ?? 'gzip';
    let blob = layer.precompressed?.blob ?? compress(tar, compression);
    const honest = put(blob);
    if (layer.corruptBlob) {
      blob = layer.corruptBlob(blob);
      writeFileSync(join(dir, 'blobs', 'sha256', honest.digest.slice(7)), blob);
    }
    layers.push({
      mediaType: layer.mediaType ?? MEDIA[compression],
      digest: honest.digest,
      size: honest.size,
    });
    diffIds.push(layer.wrongDiffId ? sha256('not this') : (layer.precompressed?.diffId ?? sha256(tar)));
    history.push({
      created: '2024-01-01T00:00:00Z',
      created_by: layer.createdBy ?? `/bin/sh -c #(nop) ADD file:${sha256(tar).slice(7, 19)} in / `,
    });
  }
  const config = {
    architecture: spec.architecture ?? 'amd64',
    os: 'linux',
    created: '2024-01-01T00:00:00Z',
    config: { Env: ['PATH=/usr/bin:/bin'], ...(spec.config ?? {}) },
    rootfs: { type: 'layers', diff_ids: diffIds },
    history,
  };
  const configBlob = put(JSON.stringify(config));
  const manifestMediaType = spec.manifestMediaType ?? 'application/vnd.oci.image.manifest.v1+json';
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: manifestMediaType,
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...configBlob },
      layers,
    }),
  );
  const manifestBlob = put(spec.rawManifest ?? manifest);
  if (spec.manifestOverride) {
    writeFileSync(
      join(dir, 'blobs', 'sha256', manifestBlob.digest.slice(7)),
      spec.manifestOverride(manifest),
    );
  }
  writeFileSync(join(dir, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }));
  writeFileSync(
    join(dir, 'index.json'),
    JSON.stringify({
      schemaVersion: 2,
      manifests: [
        {
          mediaType: manifestMediaType,
          ...manifestBlob,
          annotations: { 'org.opencontainers.image.ref.name': spec.tag ?? 'latest' },
        },
      ],
    }),
  );
  return manifestBlob.digest;
}
