// The actual image recipes. Everything is written below `buildDir`; paths recorded in images.json
// point at `finalDir`, where the caller renames `buildDir` once everything succeeded.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { writeDockerOciArchive } from './docker-oci-archive.mjs';
import {
  MT,
  REF_NAME,
  appendLayer,
  blobPath,
  copyLayout,
  hexOf,
  initLayout,
  loadImage,
  retag,
  sha256,
  updateImage,
  writeBlob,
  writeIndex,
} from './oci.mjs';
import { polyglotFacts } from './polyglot-facts.mjs';
import { POLYGLOT_TAG, buildPolyglotLayout } from './polyglot.mjs';
import { makeTar, parentDirs } from './tar.mjs';
import { BuildError, log, removeTree, run } from './util.mjs';

export const MIRROR = process.env.CUSTOMS_DEBIAN_MIRROR || 'http://deb.debian.org/debian';
export const SUITE = 'bookworm';
export const INCLUDE = ['ca-certificates', 'python3-minimal', 'libcurl4'];
/** The package whose dpkg status paragraph the layered image's last layer drops. */
export const REMOVED_PACKAGE = 'libcurl4';
export const FAKE_AWS_SECRET = 'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const PATH_ENV = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const NOP = '/bin/sh -c #(nop) ';

function step(msg) {
  log(msg);
  return Date.now();
}

async function timed(msg, fn) {
  const t = step(`${msg} …`);
  const r = await fn();
  log(`${msg}: ${((Date.now() - t) / 1000).toFixed(1)} s`);
  return r;
}

async function debootstrap(rootfs) {
  try {
    await run('debootstrap', ['--variant=minbase', `--include=${INCLUDE.join(',')}`, SUITE, rootfs, MIRROR]);
  } catch (e) {
    let detail = '';
    try {
      const logText = fs.readFileSync(path.join(rootfs, 'debootstrap', 'debootstrap.log'), 'utf8');
      detail = logText.trim().split('\n').slice(-2).join(' | ');
    } catch {
      // no log
    }
    throw new BuildError(`${e.message}${detail ? ` (debootstrap.log: ${detail})` : ''}`);
  }
  const archives = path.join(rootfs, 'var', 'cache', 'apt', 'archives');
  for (const f of fs.readdirSync(archives)) {
    if (f.endsWith('.deb')) fs.rmSync(path.join(archives, f));
  }
  if (!fs.existsSync(path.join(rootfs, 'var', 'lib', 'dpkg', 'status'))) {
    throw new BuildError('debootstrap finished but var/lib/dpkg/status is missing');
  }
}

/** umoci image with one layer holding `rootfs`, plus Dockerfile-like config and history. */
async function buildBookwormLayout(layout, rootfs, work) {
  const img = `${layout}:latest`;
  await run('umoci', ['init', '--layout', layout]);
  await run('umoci', ['new', '--image', img]);
  const bundle = path.join(work, 'bundle-bookworm');
  await run('umoci', ['unpack', '--image', img, bundle]);
  // cp -a keeps owners, modes, symlinks, hard links and device nodes.
  await run('cp', ['-a', `${rootfs}/.`, path.join(bundle, 'rootfs')]);
  await run('umoci', [
    'repack',
    '--image',
    img,
    '--history.created_by',
    `${NOP}ADD file:rootfs in / `,
    bundle,
  ]);
  removeTree(bundle);
  const config = async (args, createdBy) =>
    run('umoci', ['config', '--image', img, '--history.created_by', `${NOP} ${createdBy}`, ...args]);
  await config(['--config.cmd=bash'], 'CMD ["bash"]');
  await config([`--config.env=${PATH_ENV}`, '--config.env=CUSTOMS_TEST=1'], 'ENV CUSTOMS_TEST=1');
  await config(['--config.workingdir=/srv'], 'WORKDIR /srv');
  await config(['--config.exposedports=8080/tcp'], 'EXPOSE 8080/tcp');
  await config(
    ['--config.label=org.opencontainers.image.title=customs-test-bookworm'],
    'LABEL org.opencontainers.image.title=customs-test-bookworm',
  );
  await config(['--config.user=0'], 'USER 0');
  await config(['--config.entrypoint=/bin/sh'], 'ENTRYPOINT ["/bin/sh"]');
  await config(
    ['--clear=config.cmd', '--config.cmd=-c', '--config.cmd=echo hello'],
    'CMD ["-c" "echo hello"]',
  );
  // umoci cannot set a HEALTHCHECK; rewrite the config blob ourselves. Also give the ADD history
  // entry the file: digest Docker would show.
  const healthTest = ['CMD-SHELL', 'test -e /etc/os-release || exit 1'];
  updateImage(layout, 'latest', ({ config: cfg }) => {
    cfg.config = cfg.config ?? {};
    cfg.config.Healthcheck = {
      Test: healthTest,
      Interval: 30_000_000_000,
      Timeout: 3_000_000_000,
      StartPeriod: 5_000_000_000,
      Retries: 3,
    };
    const add = cfg.history?.find((h) => !h.empty_layer);
    const diffId = cfg.rootfs?.diff_ids?.[0];
    if (add && diffId) add.created_by = `${NOP}ADD file:${hexOf(diffId)} in / `;
    const before = cfg.history.findIndex((h) => h.created_by?.includes('USER 0'));
    const entry = {
      created: cfg.history[before >= 1 ? before - 1 : cfg.history.length - 1]?.created,
      created_by: `${NOP} HEALTHCHECK &{["CMD-SHELL" "${healthTest[1]}"] "30s" "3s" "5s" '\\x03'}`,
      empty_layer: true,
    };
    if (before >= 0) cfg.history.splice(before, 0, entry);
    else cfg.history.push(entry);
  });
  await run('umoci', ['gc', '--layout', layout]);
}

function dropParagraph(statusText, pkg) {
  const paragraphs = statusText.split(/\n\n+/).filter((p) => p.trim() !== '');
  const kept = paragraphs.filter((p) => !new RegExp(`^Package: ${pkg}\\n`).test(p));
  if (kept.length !== paragraphs.length - 1) {
    throw new BuildError(`expected exactly one dpkg status paragraph for ${pkg}`);
  }
  return `${kept.join('\n\n')}\n`;
}

/** bookworm + 4 layers exercising whiteouts, opaque dirs, zstd and uncompressed layers. */
async function buildLayeredLayout(layout, bookwormLayout, work) {
  copyLayout(bookwormLayout, layout);
  retag(layout, 'latest', 'layered');
  const img = `${layout}:layered`;
  const bundle = path.join(work, 'bundle-layered');
  await run('umoci', ['unpack', '--image', img, bundle]);
  const r = path.join(bundle, 'rootfs');
  // Layer 2: an app dir with a leaked secret, plus a config dir that a later layer replaces.
  fs.mkdirSync(path.join(r, 'opt/app'), { recursive: true });
  fs.mkdirSync(path.join(r, 'etc/customs/removed'), { recursive: true });
  fs.writeFileSync(
    path.join(r, 'opt/app/secret.txt'),
    `[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n${FAKE_AWS_SECRET}\n`,
  );
  fs.writeFileSync(path.join(r, 'opt/app/keep.txt'), 'this file stays\n');
  fs.writeFileSync(path.join(r, 'etc/customs/removed/a.conf'), 'setting = a\n');
  await run('umoci', [
    'repack',
    '--refresh-bundle', // so the next repack diffs against this layer, not the original image
    '--image',
    img,
    '--history.created_by',
    '/bin/sh -c mkdir -p /opt/app /etc/customs/removed && cp credentials /opt/app/secret.txt && echo "this file stays" > /opt/app/keep.txt && echo "setting = a" > /etc/customs/removed/a.conf',
    bundle,
  ]);
  // Layer 3: delete the secret (umoci writes a .wh.secret.txt whiteout).
  fs.rmSync(path.join(r, 'opt/app/secret.txt'));
  await run('umoci', [
    'repack',
    '--image',
    img,
    '--history.created_by',
    '/bin/sh -c rm /opt/app/secret.txt',
    bundle,
  ]);
  const status = fs.readFileSync(path.join(r, 'var/lib/dpkg/status'), 'utf8');
  removeTree(bundle);

  // Layer 4 (zstd): replace /etc/customs/removed wholesale via an opaque whiteout.
  const opaqueTar = await makeTar([
    ...parentDirs('etc/customs/removed/x'),
    { name: 'etc/customs/removed/.wh..wh..opq', content: '' },
    { name: 'etc/customs/removed/new.conf', content: 'setting = new\n' },
  ]);
  await appendLayer(layout, 'layered', {
    tar: opaqueTar,
    compression: 'zstd',
    history: {
      created_by:
        '/bin/sh -c rm -rf /etc/customs/removed && mkdir /etc/customs/removed && echo "setting = new" > /etc/customs/removed/new.conf',
    },
  });
  // Layer 5 (uncompressed): dpkg status without one package's paragraph.
  const statusTar = await makeTar([
    ...parentDirs('var/lib/dpkg/status'),
    { name: 'var/lib/dpkg/status', content: dropParagraph(status, REMOVED_PACKAGE) },
  ]);
  await appendLayer(layout, 'layered', {
    tar: statusTar,
    compression: 'none',
    history: {
      created_by: `/bin/sh -c sed -i '/^Package: ${REMOVED_PACKAGE}$/,/^$/d' /var/lib/dpkg/status`,
    },
  });
  await run('umoci', ['gc', '--layout', layout]);
  const n = loadImage(layout, 'layered').manifest.layers.length;
  if (n !== 5) throw new BuildError(`layered image has ${n} layers, expected 5`);
}

/** A tiny linux/arm64 image carrying bookworm's os-release and an arch marker. */
async function buildArm64Image(layout, rootfs) {
  const entries = [];
  const osRelease = (rel) => {
    const p = path.join(rootfs, rel);
    const st = fs.lstatSync(p);
    if (st.isSymbolicLink()) return { name: rel, type: 'symlink', linkname: fs.readlinkSync(p) };
    return { name: rel, content: fs.readFileSync(p) };
  };
  entries.push({ name: 'etc/', type: 'directory' });
  entries.push({ name: 'etc/customs-arch', content: 'arm64\n' });
  entries.push(osRelease('etc/os-release'));
  entries.push({ name: 'usr/', type: 'directory' });
  entries.push({ name: 'usr/lib/', type: 'directory' });
  entries.push(osRelease('usr/lib/os-release'));
  const tar = await makeTar(entries);
  const diffId = sha256(tar);
  const layer = writeBlob(layout, zlib.gzipSync(tar));
  const created = new Date().toISOString();
  const config = {
    created,
    architecture: 'arm64',
    variant: 'v8',
    os: 'linux',
    config: { Env: [PATH_ENV], Cmd: ['/bin/sh'] },
    rootfs: { type: 'layers', diff_ids: [diffId] },
    history: [
      { created, created_by: `${NOP}ADD file:${hexOf(diffId)} in / ` },
      { created, created_by: `${NOP} CMD ["/bin/sh"]`, empty_layer: true },
    ],
  };
  const cfg = writeBlob(layout, Buffer.from(JSON.stringify(config)));
  const manifest = {
    schemaVersion: 2,
    mediaType: MT.manifest,
    config: { mediaType: MT.config, digest: cfg.digest, size: cfg.size },
    layers: [{ mediaType: MT.layerGzip, digest: layer.digest, size: layer.size }],
  };
  return writeBlob(layout, Buffer.from(JSON.stringify(manifest)));
}

/** OCI layout whose `latest` tag is a nested image index with linux/amd64 and linux/arm64. */
async function buildMultiarchLayout(layout, bookwormLayout, rootfs) {
  initLayout(layout);
  const bw = loadImage(bookwormLayout, 'latest');
  for (const d of [bw.desc.digest, bw.manifest.config.digest, ...bw.manifest.layers.map((l) => l.digest)]) {
    fs.copyFileSync(blobPath(bookwormLayout, d), blobPath(layout, d));
  }
  const arm = await buildArm64Image(layout, rootfs);
  const nested = {
    schemaVersion: 2,
    mediaType: MT.index,
    manifests: [
      {
        mediaType: MT.manifest,
        digest: bw.desc.digest,
        size: bw.desc.size,
        platform: { architecture: 'amd64', os: 'linux' },
      },
      {
        mediaType: MT.manifest,
        digest: arm.digest,
        size: arm.size,
        platform: { architecture: 'arm64', os: 'linux', variant: 'v8' },
      },
    ],
  };
  const idx = writeBlob(layout, Buffer.from(JSON.stringify(nested)));
  writeIndex(layout, {
    schemaVersion: 2,
    mediaType: MT.index,
    manifests: [
      { mediaType: MT.index, digest: idx.digest, size: idx.size, annotations: { [REF_NAME]: 'latest' } },
    ],
  });
  return { indexDigest: idx.digest, amd64: bw.desc.digest, arm64: arm.digest };
}

/**
 * @param {{ buildDir: string, finalDir: string }} dirs
 */
export async function buildAll({ buildDir, finalDir }) {
  const at = (...p) => path.join(buildDir, ...p);
  const final = (p) => path.join(finalDir, path.relative(buildDir, p));
  const work = at('work');
  fs.mkdirSync(work, { recursive: true });
  for (const d of ['bookworm', 'layered', 'multiarch', 'polyglot']) fs.mkdirSync(at(d));

  const rootfs = at('bookworm', 'rootfs');
  await timed(`debootstrap ${SUITE} minbase (${MIRROR})`, () => debootstrap(rootfs));

  const bwLayout = at('bookworm', 'oci');
  await timed('bookworm: OCI layout (umoci)', () => buildBookwormLayout(bwLayout, rootfs, work));
  const bw = loadImage(bwLayout, 'latest');

  const bwOciArchive = at('bookworm', 'bookworm.oci.tar');
  const bwDockerArchive = at('bookworm', 'bookworm.docker.tar');
  const bwDockerArchiveOci = at('bookworm', 'bookworm.docker25.tar');
  const repoTag = 'customs-test/bookworm:latest';
  // The archive conversions only read bwLayout, so they run while the layered image is built.
  const archives = (async () => {
    await run('skopeo', ['copy', '-q', `oci:${bwLayout}:latest`, `oci-archive:${bwOciArchive}:latest`]);
    await run('skopeo', [
      'copy',
      '-q',
      `oci:${bwLayout}:latest`,
      `docker-archive:${bwDockerArchive}:${repoTag}`,
    ]);
    await writeDockerOciArchive(bwLayout, 'latest', bwDockerArchiveOci, repoTag, at('work', 'docker25'));
    log('bookworm: oci-archive, docker-archive, docker-archive (Docker >= 25 layout) written');
  })();
  archives.catch(() => {}); // awaited below; avoid an unhandled rejection in the meantime

  // The polyglot image (apt in a chroot, npm on the host) also only reads bwLayout.
  const pgLayout = at('polyglot', 'oci');
  const pgRootfs = at('polyglot', 'rootfs');
  const pgOciArchive = at('polyglot', 'polyglot.oci.tar');
  const polyglot = timed('polyglot: 6 layers on bookworm', async () => {
    const built = await buildPolyglotLayout(pgLayout, bwLayout, work, pgRootfs);
    await run('skopeo', [
      'copy',
      '-q',
      `oci:${pgLayout}:${POLYGLOT_TAG}`,
      `oci-archive:${pgOciArchive}:${POLYGLOT_TAG}`,
    ]);
    return built;
  });
  polyglot.catch(() => {}); // awaited below

  const layeredLayout = at('layered', 'oci');
  await timed('layered: 4 more layers', () => buildLayeredLayout(layeredLayout, bwLayout, work));
  const layeredOciArchive = at('layered', 'layered.oci.tar');
  // skopeo refuses zstd layers in docker-archive, so only the Docker >= 25 layout (where our own
  // converter decompresses every layer) is produced for this image.
  const layeredDockerArchiveOci = at('layered', 'layered.docker25.tar');
  await run('skopeo', [
    'copy',
    '-q',
    `oci:${layeredLayout}:layered`,
    `oci-archive:${layeredOciArchive}:layered`,
  ]);
  await writeDockerOciArchive(
    layeredLayout,
    'layered',
    layeredDockerArchiveOci,
    'customs-test/layered:latest',
    at('work', 'docker25-layered'),
  );
  const layered = loadImage(layeredLayout, 'layered');

  const multiLayout = at('multiarch', 'oci');
  const multi = await timed('multiarch: nested index amd64 + arm64', () =>
    buildMultiarchLayout(multiLayout, bwLayout, rootfs),
  );
  const multiOciArchive = at('multiarch', 'multiarch.oci.tar');
  await run('skopeo', [
    'copy',
    '-q',
    '--all',
    `oci:${multiLayout}:latest`,
    `oci-archive:${multiOciArchive}:latest`,
  ]);

  await archives;
  const pg = await polyglot;
  removeTree(work);

  const images = {
    version: 2,
    createdAt: new Date().toISOString(),
    debian: { suite: SUITE, mirror: MIRROR, include: INCLUDE },
    images: {
      bookworm: {
        ociDir: final(bwLayout),
        tag: 'latest',
        ociArchive: final(bwOciArchive),
        dockerArchive: final(bwDockerArchive),
        dockerArchiveOci: final(bwDockerArchiveOci),
        rootfs: final(rootfs),
        repoTag,
        manifestDigest: bw.desc.digest,
        configDigest: bw.manifest.config.digest,
        diffIds: bw.config.rootfs.diff_ids,
      },
      layered: {
        ociDir: final(layeredLayout),
        tag: 'layered',
        ociArchive: final(layeredOciArchive),
        dockerArchiveOci: final(layeredDockerArchiveOci),
        repoTag: 'customs-test/layered:latest',
        manifestDigest: layered.desc.digest,
        configDigest: layered.manifest.config.digest,
        diffIds: layered.config.rootfs.diff_ids,
        layerMediaTypes: layered.manifest.layers.map((l) => l.mediaType),
        removedPackage: REMOVED_PACKAGE,
        secretPath: '/opt/app/secret.txt',
        fakeSecretLine: FAKE_AWS_SECRET,
      },
      multiarch: {
        ociDir: final(multiLayout),
        tag: 'latest',
        ociArchive: final(multiOciArchive),
        indexDigest: multi.indexDigest,
        platforms: { 'linux/amd64': multi.amd64, 'linux/arm64': multi.arm64 },
      },
      polyglot: {
        ociDir: final(pgLayout),
        tag: POLYGLOT_TAG,
        ociArchive: final(pgOciArchive),
        rootfs: final(pgRootfs),
        manifestDigest: pg.image.desc.digest,
        configDigest: pg.image.manifest.config.digest,
        diffIds: pg.image.config.rootfs.diff_ids,
        ...polyglotFacts(pg.java),
      },
    },
  };
  fs.writeFileSync(at('images.json'), `${JSON.stringify(images, null, 2)}\n`);
}
