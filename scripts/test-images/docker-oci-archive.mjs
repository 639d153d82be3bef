// Converts one image of an OCI layout into a `docker save` archive in the Docker >= 25 layout:
// an OCI layout (oci-layout, index.json, blobs/sha256/...) plus the legacy manifest.json and
// repositories files, with every layer stored UNCOMPRESSED (blob digest == diff_id).
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { BuildError, removeTree, run } from './util.mjs';
import { MT, REF_NAME, blobPath, hexOf, initLayout, loadImage, writeBlob, writeIndex } from './oci.mjs';

/** Decompresses one layer blob into `dest`, returning the sha256 digest of the tar. */
async function decompressInto(srcFile, mediaType, dest) {
  const hash = createHash('sha256');
  const out = fs.createWriteStream(dest);
  const hasher = async function* (source) {
    for await (const chunk of source) {
      hash.update(chunk);
      yield chunk;
    }
  };
  if (mediaType === MT.layerGzip || mediaType.endsWith('.tar.gzip')) {
    await pipeline(fs.createReadStream(srcFile), zlib.createGunzip(), hasher, out);
  } else if (mediaType === MT.layer || mediaType.endsWith('.tar')) {
    await pipeline(fs.createReadStream(srcFile), hasher, out);
  } else if (mediaType === MT.layerZstd) {
    const child = spawn('zstd', ['-d', '-c', '-q', srcFile], { stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = new Promise((res) => child.on('close', res));
    await pipeline(child.stdout, hasher, out);
    if ((await exited) !== 0) throw new BuildError(`zstd failed on ${srcFile}`);
  } else {
    throw new BuildError(`cannot convert layer media type ${mediaType}`);
  }
  return `sha256:${hash.digest('hex')}`;
}

/**
 * @param {string} layout source OCI layout
 * @param {string} tag tag in the source layout
 * @param {string} outFile tar file to write
 * @param {string} repoTag e.g. 'customs-test/bookworm:latest'
 * @param {string} workDir scratch directory (created and removed here)
 */
export async function writeDockerOciArchive(layout, tag, outFile, repoTag, workDir) {
  removeTree(workDir);
  initLayout(workDir);
  const { manifest, config } = loadImage(layout, tag);
  const diffIds = config.rootfs?.diff_ids ?? [];
  if (diffIds.length !== manifest.layers.length) {
    throw new BuildError('config diff_ids and manifest layers disagree');
  }
  const layers = [];
  for (const [i, l] of manifest.layers.entries()) {
    const tmp = path.join(workDir, `layer-${i}.tar`);
    const digest = await decompressInto(blobPath(layout, l.digest), l.mediaType, tmp);
    if (digest !== diffIds[i]) {
      throw new BuildError(`layer ${i}: uncompressed digest ${digest} != diff_id ${diffIds[i]}`);
    }
    fs.renameSync(tmp, blobPath(workDir, digest));
    layers.push({ mediaType: MT.layer, digest, size: fs.statSync(blobPath(workDir, digest)).size });
  }
  // Config blob bytes are copied verbatim so its digest is unchanged.
  const cfgBytes = fs.readFileSync(blobPath(layout, manifest.config.digest));
  const cfg = writeBlob(workDir, cfgBytes);
  const newManifest = {
    schemaVersion: 2,
    mediaType: MT.manifest,
    config: { mediaType: MT.config, digest: cfg.digest, size: cfg.size },
    layers,
  };
  const man = writeBlob(workDir, Buffer.from(JSON.stringify(newManifest)));
  const [repo, repoTagName] = splitRepoTag(repoTag);
  writeIndex(workDir, {
    schemaVersion: 2,
    mediaType: MT.index,
    manifests: [
      {
        mediaType: MT.manifest,
        digest: man.digest,
        size: man.size,
        annotations: {
          'io.containerd.image.name': `docker.io/${repo}:${repoTagName}`,
          [REF_NAME]: repoTagName,
        },
      },
    ],
  });
  const legacy = [
    {
      Config: `blobs/sha256/${hexOf(cfg.digest)}`,
      RepoTags: [repoTag],
      Layers: layers.map((l) => `blobs/sha256/${hexOf(l.digest)}`),
    },
  ];
  fs.writeFileSync(path.join(workDir, 'manifest.json'), JSON.stringify(legacy));
  const top = layers.at(-1);
  fs.writeFileSync(
    path.join(workDir, 'repositories'),
    JSON.stringify({ [repo]: { [repoTagName]: top ? hexOf(top.digest) : '' } }),
  );
  await run('tar', [
    '-C',
    workDir,
    '--owner=0',
    '--group=0',
    '--numeric-owner',
    '--sort=name',
    '-cf',
    outFile,
    'blobs',
    'index.json',
    'manifest.json',
    'oci-layout',
    'repositories',
  ]);
  removeTree(workDir);
}

function splitRepoTag(repoTag) {
  const i = repoTag.lastIndexOf(':');
  if (i <= 0 || repoTag.slice(i).includes('/')) return [repoTag, 'latest'];
  return [repoTag.slice(0, i), repoTag.slice(i + 1)];
}
