// Minimal OCI image-layout editing helpers (config/manifest/index rewriting, layer appending).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { BuildError, run } from './util.mjs';

export const MT = Object.freeze({
  index: 'application/vnd.oci.image.index.v1+json',
  manifest: 'application/vnd.oci.image.manifest.v1+json',
  config: 'application/vnd.oci.image.config.v1+json',
  layer: 'application/vnd.oci.image.layer.v1.tar',
  layerGzip: 'application/vnd.oci.image.layer.v1.tar+gzip',
  layerZstd: 'application/vnd.oci.image.layer.v1.tar+zstd',
});

export const REF_NAME = 'org.opencontainers.image.ref.name';

/** @param {Buffer | string} data */
export function sha256(data) {
  return `sha256:${createHash('sha256').update(data).digest('hex')}`;
}

/** Streams a file through sha256. */
export function sha256File(file) {
  return new Promise((resolve, reject) => {
    const h = createHash('sha256');
    fs.createReadStream(file)
      .on('data', (d) => h.update(d))
      .on('error', reject)
      .on('end', () => resolve(`sha256:${h.digest('hex')}`));
  });
}

export function hexOf(digest) {
  const [alg, hex] = digest.split(':');
  if (alg !== 'sha256' || !hex || !/^[0-9a-f]{64}$/.test(hex)) {
    throw new BuildError(`unsupported digest ${digest}`);
  }
  return hex;
}

export function blobPath(layout, digest) {
  return path.join(layout, 'blobs', 'sha256', hexOf(digest));
}

export function readBlob(layout, digest) {
  return fs.readFileSync(blobPath(layout, digest));
}

export function readBlobJson(layout, digest) {
  return JSON.parse(readBlob(layout, digest).toString('utf8'));
}

/** Writes bytes as a blob; returns { digest, size }. */
export function writeBlob(layout, data) {
  const buf = Buffer.isBuffer(data) ? data : Buffer.from(data);
  const digest = sha256(buf);
  const file = blobPath(layout, digest);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (!fs.existsSync(file)) fs.writeFileSync(file, buf);
  return { digest, size: buf.length };
}

export function writeJsonBlob(layout, obj) {
  return writeBlob(layout, Buffer.from(JSON.stringify(obj)));
}

export function readIndex(layout) {
  return JSON.parse(fs.readFileSync(path.join(layout, 'index.json'), 'utf8'));
}

export function writeIndex(layout, index) {
  const file = path.join(layout, 'index.json');
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(index));
  fs.renameSync(`${file}.tmp`, file);
}

/** Creates an empty OCI layout directory. */
export function initLayout(layout) {
  fs.mkdirSync(path.join(layout, 'blobs', 'sha256'), { recursive: true });
  fs.writeFileSync(path.join(layout, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }));
  writeIndex(layout, { schemaVersion: 2, mediaType: MT.index, manifests: [] });
}

/** Index position and descriptor of a tag in index.json. */
export function findTag(index, tag) {
  const i = index.manifests.findIndex((d) => d.annotations?.[REF_NAME] === tag);
  if (i < 0) throw new BuildError(`tag ${tag} not found in index.json`);
  return { i, desc: index.manifests[i] };
}

/** Loads the image (manifest + config) a tag points to; the tag must point to a manifest. */
export function loadImage(layout, tag) {
  const index = readIndex(layout);
  const { i, desc } = findTag(index, tag);
  if (desc.mediaType !== MT.manifest) {
    throw new BuildError(`tag ${tag} points to ${desc.mediaType}, not an image manifest`);
  }
  const manifest = readBlobJson(layout, desc.digest);
  const config = readBlobJson(layout, manifest.config.digest);
  return { index, i, desc, manifest, config };
}

/**
 * Rewrites the image a tag points to. `mutate` may edit `config` and `manifest` in place; the new
 * config blob's digest/size are put into the manifest and the new manifest's into index.json.
 * Old blobs are left in place (harmless; they are just unreferenced).
 */
export function updateImage(layout, tag, mutate) {
  const img = loadImage(layout, tag);
  mutate(img);
  const cfg = writeJsonBlob(layout, img.config);
  img.manifest.config = { ...img.manifest.config, digest: cfg.digest, size: cfg.size };
  const man = writeJsonBlob(layout, img.manifest);
  img.index.manifests[img.i] = { ...img.desc, digest: man.digest, size: man.size };
  writeIndex(layout, img.index);
  return { manifestDigest: man.digest, configDigest: cfg.digest };
}

/** Compresses a tar according to `compression` ('gzip' | 'zstd' | 'none'). */
export async function compressLayer(tarBytes, compression) {
  switch (compression) {
    case 'none':
      return { blob: tarBytes, mediaType: MT.layer };
    case 'gzip':
      return { blob: zlib.gzipSync(tarBytes, { level: 6 }), mediaType: MT.layerGzip };
    case 'zstd':
      return {
        blob: await run('zstd', ['-q', '-c', '-3', '--no-progress'], { input: tarBytes }),
        mediaType: MT.layerZstd,
      };
    default:
      throw new BuildError(`unknown compression ${compression}`);
  }
}

/**
 * Appends a raw (uncompressed) tar as a new layer of the image `tag`: writes the compressed blob,
 * appends the diff_id and a history entry to the config, the descriptor to the manifest.
 * @param {string} layout
 * @param {string} tag
 * @param {{ tar: Buffer, compression: 'gzip'|'zstd'|'none', history?: object }} layer
 */
export async function appendLayer(layout, tag, layer) {
  const diffId = sha256(layer.tar);
  const { blob, mediaType } = await compressLayer(layer.tar, layer.compression);
  const { digest, size } = writeBlob(layout, blob);
  const result = updateImage(layout, tag, ({ config, manifest }) => {
    manifest.layers.push({ mediaType, digest, size });
    config.rootfs = config.rootfs ?? { type: 'layers', diff_ids: [] };
    config.rootfs.diff_ids.push(diffId);
    config.history = config.history ?? [];
    config.history.push({
      created: new Date().toISOString(),
      created_by: `/bin/sh -c #(nop) ADD file:${hexOf(diffId)} in / `,
      ...(layer.history ?? {}),
    });
  });
  return { ...result, diffId, digest, size, mediaType };
}

/** Copies a whole OCI layout directory. */
export function copyLayout(src, dest) {
  fs.cpSync(src, dest, { recursive: true });
}

/** Renames a tag in index.json. */
export function retag(layout, from, to) {
  const index = readIndex(layout);
  for (const d of index.manifests) {
    if (d.annotations?.[REF_NAME] === from) d.annotations[REF_NAME] = to;
  }
  writeIndex(layout, index);
}
