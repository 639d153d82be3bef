// A large synthetic image for the benchmarks: the bookworm test image plus one ~1 GiB layer
// (text-like files, incompressible files, and 20,000 small files). Built once, cached.
import { createHash, randomBytes } from 'node:crypto';
import {
  copyFileSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import * as tar from 'tar-stream';

const TAG = 'large';

class Hasher extends Transform {
  hash = createHash('sha256');
  bytes = 0;
  _transform(chunk, _enc, done) {
    this.hash.update(chunk);
    this.bytes += chunk.length;
    done(null, chunk);
  }
}

function textBlock(seed) {
  const words = [
    'package',
    'version',
    'depends',
    'library',
    'config',
    'status',
    'install',
    'module',
    'source',
    'binary',
  ];
  let out = '';
  let x = seed;
  while (out.length < 1 << 20) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out += `${words[x % 10]}-${x % 9973} ${words[(x >> 8) % 10]}=${(x >> 4) % 100000}\n`;
  }
  return Buffer.from(out.slice(0, 1 << 20));
}

async function writeLayer(file) {
  const pack = tar.pack();
  const tarHash = new Hasher();
  const blobHash = new Hasher();
  const done = pipeline(pack, tarHash, createGzip({ level: 6 }), blobHash, createWriteStream(file));
  const add = (name, body) =>
    new Promise((resolve, reject) =>
      pack.entry({ name, size: body.length, mode: 0o644, mtime: new Date(0) }, body, (e) =>
        e ? reject(e) : resolve(),
      ),
    );
  for (let i = 0; i < 24; i++) {
    const chunks = [];
    for (let j = 0; j < 32; j++) chunks.push(textBlock(i * 32 + j + 1));
    await add(`srv/data/text-${i}.log`, Buffer.concat(chunks));
  }
  for (let i = 0; i < 16; i++) await add(`srv/data/blob-${i}.bin`, randomBytes(16 << 20));
  const small = textBlock(7).subarray(0, 4096);
  for (let i = 0; i < 20000; i++) await add(`srv/small/${i % 100}/file-${i}.txt`, small);
  pack.finalize();
  await done;
  return {
    diffId: 'sha256:' + tarHash.hash.digest('hex'),
    digest: 'sha256:' + blobHash.hash.digest('hex'),
    size: blobHash.bytes,
  };
}

const sha = (b) => 'sha256:' + createHash('sha256').update(b).digest('hex');

export async function buildLargeImage(cacheRoot, baseDir, baseTag) {
  const dir = join(cacheRoot, 'bench-large-v1');
  if (existsSync(join(dir, 'index.json'))) return { dir, tag: TAG };
  process.stderr.write('bench: building the large synthetic image (once)…\n');
  const work = `${dir}.tmp-${process.pid}`;
  rmSync(work, { recursive: true, force: true });
  mkdirSync(join(work, 'blobs/sha256'), { recursive: true });
  for (const name of readdirSync(join(baseDir, 'blobs/sha256')))
    copyFileSync(join(baseDir, 'blobs/sha256', name), join(work, 'blobs/sha256', name));
  copyFileSync(join(baseDir, 'oci-layout'), join(work, 'oci-layout'));
  const baseIndex = JSON.parse(readFileSync(join(baseDir, 'index.json'), 'utf8'));
  const entry =
    baseIndex.manifests.find((m) => m.annotations?.['org.opencontainers.image.ref.name'] === baseTag) ??
    baseIndex.manifests[0];
  const manifest = JSON.parse(readFileSync(join(baseDir, 'blobs', entry.digest.replace(':', '/')), 'utf8'));
  const config = JSON.parse(
    readFileSync(join(baseDir, 'blobs', manifest.config.digest.replace(':', '/')), 'utf8'),
  );

  const tmpLayer = join(work, 'layer.tmp');
  const layer = await writeLayer(tmpLayer);
  renameSync(tmpLayer, join(work, 'blobs/sha256', layer.digest.slice(7)));
  config.rootfs.diff_ids.push(layer.diffId);
  config.history = [
    ...(config.history ?? []),
    { created: '2024-01-01T00:00:00Z', created_by: 'COPY data/ /srv/ # bench' },
  ];
  const configBytes = Buffer.from(JSON.stringify(config));
  writeFileSync(join(work, 'blobs/sha256', sha(configBytes).slice(7)), configBytes);
  manifest.config = { ...manifest.config, digest: sha(configBytes), size: configBytes.length };
  manifest.layers.push({
    mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
    digest: layer.digest,
    size: layer.size,
  });
  const manifestBytes = Buffer.from(JSON.stringify(manifest));
  writeFileSync(join(work, 'blobs/sha256', sha(manifestBytes).slice(7)), manifestBytes);
  const index = {
    schemaVersion: 2,
    manifests: [
      {
        mediaType: entry.mediaType,
        digest: sha(manifestBytes),
        size: manifestBytes.length,
        annotations: { 'org.opencontainers.image.ref.name': TAG },
      },
    ],
  };
  writeFileSync(join(work, 'index.json'), JSON.stringify(index));
  rmSync(dir, { recursive: true, force: true });
  renameSync(work, dir);
  process.stderr.write(
    `bench: large image ready (${(statSync(join(dir, 'blobs/sha256', layer.digest.slice(7))).size / 1048576).toFixed(0)} MiB compressed layer)\n`,
  );
  return { dir, tag: TAG };
}
