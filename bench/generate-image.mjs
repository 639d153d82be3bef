// Synthetic images for `npm run bench`, built without a daemon straight into an OCI layout: deep
// node_modules trees (a package.json per package), jars (store-only zip files with
// META-INF/maven/.../pom.properties), big binaries and many small text files, one layer each,
// plus a tiny base layer (os-release, passwd). `scale` 1 gives ~1 GB of layer content and
// >= 100,000 files; 0.1 gives ~100 MB and a tenth of the files. Built once, cached by name.
import { createHash } from 'node:crypto';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import * as tar from 'tar-stream';
import { makeZip } from '../dist/vulndb/import/testing/zip-writer.js';

const GENERATOR = 'v2';
const TAG = 'bench';

class Hasher extends Transform {
  hash = createHash('sha256');
  bytes = 0;
  _transform(chunk, _enc, done) {
    this.hash.update(chunk);
    this.bytes += chunk.length;
    done(null, chunk);
  }
}

/**
 * A small deterministic generator (xorshift32): the same scale gives the same image. (An LCG's
 * low bits repeat every few steps, which made the "text" compress 35x.)
 */
function lcg(seed) {
  let x = (seed * 2654435761) >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x;
  };
}

const WORDS = ['package', 'version', 'depends', 'library', 'config', 'status', 'install', 'module'];

/** Text that compresses like logs and docs (~4x). */
function text(bytes, seed) {
  const next = lcg(seed);
  const parts = [];
  let n = 0;
  while (n < bytes) {
    const line = `${WORDS[next() % 8]}-${next() % 9973} ${WORDS[next() % 8]}=${next() % 100000}\n`;
    parts.push(line);
    n += line.length;
  }
  return Buffer.from(parts.join('').slice(0, bytes));
}

/** A 1 MiB block of noise; binaries are slices of it, which gzip cannot shrink. */
const NOISE = (() => {
  const next = lcg(99);
  const b = Buffer.alloc(1 << 20);
  for (let i = 0; i < b.length; i += 4) b.writeUInt32LE(next(), i);
  return b;
})();

function binary(bytes, seed) {
  const out = Buffer.alloc(bytes);
  const next = lcg(seed);
  // An ELF magic so it looks like what it stands for; then noise, with a text section.
  out.write('\x7fELF', 0, 'latin1');
  for (let at = 64; at < bytes;) {
    const from = next() % (NOISE.length - 4096);
    const len = Math.min(bytes - at, 4096 + (next() % 60000));
    (next() % 4 === 0 ? text(len, next()) : NOISE.subarray(from, from + len)).copy(out, at);
    at += len;
  }
  return out;
}

/** A store-only zip (what `jar` writes with -0): the project's own test zip writer. */
const storedZip = (files) => makeZip(Object.fromEntries(files));

function jar(i, bytes) {
  const group = `org.customs.bench.g${i % 17}`;
  const artifact = `lib-${i}`;
  const version = `1.${i % 13}.${i}`;
  const files = [
    [
      'META-INF/MANIFEST.MF',
      Buffer.from(
        `Manifest-Version: 1.0\r\nImplementation-Title: ${artifact}\r\nImplementation-Version: ${version}\r\n\r\n`,
      ),
    ],
    [
      `META-INF/maven/${group}/${artifact}/pom.properties`,
      Buffer.from(`groupId=${group}\nartifactId=${artifact}\nversion=${version}\n`),
    ],
  ];
  const classes = Math.max(1, Math.round(bytes / 8192));
  for (let c = 0; c < classes; c++)
    files.push([`org/customs/bench/l${i}/C${c}.class`, binary(8192, i * 1000 + c).fill(0xca, 0, 2)]);
  return { name: `opt/app/lib/${artifact}-${version}.jar`, body: storedZip(files) };
}

/** Packages under node_modules, nested: fan-out `top` at the top, then 3, 2, 1 per level. */
function* nodeModules(app, top, seed) {
  const next = lcg(seed);
  const fanout = [top, 3, 2, 1];
  function* level(dir, depth, path) {
    for (let i = 0; i < fanout[depth]; i++) {
      const name = `${path.length ? 'dep' : 'pkg'}-${depth}-${i}-${next() % 1000}`;
      const root = `${dir}/node_modules/${name}`;
      const version = `${next() % 10}.${next() % 20}.${next() % 30}`;
      const children = depth + 1 < fanout.length ? fanout[depth + 1] : 0;
      const deps = Object.fromEntries(Array.from({ length: children }, (_, c) => [`child-${c}`, '^1.0.0']));
      yield [
        `${root}/package.json`,
        Buffer.from(JSON.stringify({ name, version, license: 'MIT', dependencies: deps }, null, 2)),
      ];
      yield [`${root}/index.js`, text(600 + (next() % 1500), next())];
      yield [`${root}/lib/util.js`, text(400 + (next() % 1200), next())];
      yield [`${root}/README.md`, text(300 + (next() % 900), next())];
      yield [`${root}/LICENSE`, text(1000, 7)];
      if (depth + 1 < fanout.length) yield* level(root, depth + 1, [...path, name]);
    }
  }
  yield [
    `srv/${app}/package.json`,
    Buffer.from(JSON.stringify({ name: app, version: '1.0.0', private: true })),
  ];
  yield* level(`srv/${app}`, 0, []);
}

function layersFor(scale) {
  const base = [
    [
      'etc/os-release',
      Buffer.from('PRETTY_NAME="Customs bench"\nNAME="Debian GNU/Linux"\nID=debian\nVERSION_ID="12"\n'),
    ],
    ['etc/passwd', Buffer.from('root:x:0:0:root:/root:/bin/sh\napp:x:1000:1000::/srv:/bin/sh\n')],
    ['etc/group', Buffer.from('root:x:0:\napp:x:1000:\n')],
  ];
  const apps = 4;
  const top = Math.max(1, Math.round(250 * scale));
  return [
    { created_by: 'base files', entries: () => base },
    {
      created_by: 'COPY node apps (deep node_modules)',
      *entries() {
        for (let a = 0; a < apps; a++) yield* nodeModules(`app-${a}`, top, a + 1);
      },
    },
    {
      created_by: 'COPY jars',
      *entries() {
        for (let i = 0; i < Math.max(1, Math.round(200 * scale)); i++) {
          const j = jar(i, 1.5 * (1 << 20));
          yield [j.name, j.body];
        }
      },
    },
    {
      created_by: 'COPY big binaries',
      *entries() {
        for (let i = 0; i < 10; i++)
          yield [`usr/local/bin/tool-${i}`, binary(Math.round(48 * scale * (1 << 20)), i + 500), 0o755];
      },
    },
    {
      created_by: 'COPY docs (many small text files)',
      *entries() {
        for (let i = 0; i < Math.max(1, Math.round(20000 * scale)); i++)
          yield [`usr/share/doc/bench/${i % 200}/note-${i}.txt`, text(2000 + (i % 6000), i + 1)];
      },
    },
  ];
}

async function writeLayer(file, entries) {
  const pack = tar.pack();
  const tarHash = new Hasher();
  const blobHash = new Hasher();
  const done = pipeline(pack, tarHash, createGzip({ level: 6 }), blobHash, createWriteStream(file));
  let files = 0;
  for (const [name, body, mode = 0o644] of entries) {
    files++;
    await new Promise((resolve, reject) =>
      pack.entry({ name, size: body.length, mode, mtime: new Date(0), uid: 0, gid: 0 }, body, (e) =>
        e ? reject(e) : resolve(),
      ),
    );
  }
  pack.finalize();
  await done;
  return {
    diffId: 'sha256:' + tarHash.hash.digest('hex'),
    digest: 'sha256:' + blobHash.hash.digest('hex'),
    size: blobHash.bytes,
    tarBytes: tarHash.bytes,
    files,
  };
}

const sha = (b) => 'sha256:' + createHash('sha256').update(b).digest('hex');

/**
 * The OCI layout of the generated image `name` at `scale`, built under `cacheRoot` the first
 * time. Returns its dir, tag, layer count, file count and uncompressed (tar) bytes.
 */
export async function generateImage(cacheRoot, name, scale) {
  const dir = join(cacheRoot, `bench-generated-${GENERATOR}`, name);
  const infoFile = join(dir, 'bench-info.json');
  if (existsSync(infoFile)) return { dir, tag: TAG, ...JSON.parse(readFileSync(infoFile, 'utf8')) };
  process.stderr.write(`bench: generating the ${name} image (scale ${scale}, once)…\n`);
  const work = `${dir}.tmp-${process.pid}`;
  rmSync(work, { recursive: true, force: true });
  mkdirSync(join(work, 'blobs/sha256'), { recursive: true });
  writeFileSync(join(work, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }));
  const layers = [];
  const history = [];
  for (const spec of layersFor(scale)) {
    const tmp = join(work, 'layer.tmp');
    const layer = await writeLayer(tmp, spec.entries());
    renameSync(tmp, join(work, 'blobs/sha256', layer.digest.slice(7)));
    layers.push(layer);
    history.push({ created: '2024-01-01T00:00:00Z', created_by: spec.created_by });
  }
  const config = {
    architecture: 'amd64',
    os: 'linux',
    config: { Env: ['PATH=/usr/local/bin:/usr/bin:/bin'], WorkingDir: '/srv', User: 'app' },
    rootfs: { type: 'layers', diff_ids: layers.map((l) => l.diffId) },
    history,
  };
  const configBytes = Buffer.from(JSON.stringify(config));
  writeFileSync(join(work, 'blobs/sha256', sha(configBytes).slice(7)), configBytes);
  const manifest = {
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config: {
      mediaType: 'application/vnd.oci.image.config.v1+json',
      digest: sha(configBytes),
      size: configBytes.length,
    },
    layers: layers.map((l) => ({
      mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
      digest: l.digest,
      size: l.size,
    })),
  };
  const manifestBytes = Buffer.from(JSON.stringify(manifest));
  writeFileSync(join(work, 'blobs/sha256', sha(manifestBytes).slice(7)), manifestBytes);
  writeFileSync(
    join(work, 'index.json'),
    JSON.stringify({
      schemaVersion: 2,
      manifests: [
        {
          mediaType: manifest.mediaType,
          digest: sha(manifestBytes),
          size: manifestBytes.length,
          annotations: { 'org.opencontainers.image.ref.name': TAG },
        },
      ],
    }),
  );
  const info = {
    layers: layers.length,
    files: layers.reduce((n, l) => n + l.files, 0),
    tarBytes: layers.reduce((n, l) => n + l.tarBytes, 0),
    storedBytes: layers.reduce((n, l) => n + l.size, 0),
  };
  writeFileSync(join(work, 'bench-info.json'), JSON.stringify(info));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, '..'), { recursive: true });
  renameSync(work, dir);
  process.stderr.write(
    `bench: ${name}: ${info.files} files, ${(info.tarBytes / 1048576).toFixed(0)} MiB in ${info.layers} layers (${(info.storedBytes / 1048576).toFixed(0)} MiB compressed)\n`,
  );
  return { dir, tag: TAG, ...info };
}
