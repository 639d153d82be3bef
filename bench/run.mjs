// `npm run bench`: SBOM time (every cataloger, secrets on) next to a bare `gzip -dc | wc -c` over
// the same layers, and peak memory, for the test images and a large synthetic one (to show memory
// does not grow with size); then the polyglot image against cdxgen, and secret-rule throughput.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findCdxgen, timeCdxgen } from './cdxgen.mjs';
import { buildLargeImage } from './large-image.mjs';
import { patternsBench } from './patterns.mjs';
import { secretsThroughput } from './secrets-throughput.mjs';
import { vulndbBench } from './vulndb.mjs';

const repo = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

execFileSync(process.execPath, [join(repo, 'scripts/build-test-images.mjs')], { stdio: 'inherit' });
const cacheRoot = process.env.CUSTOMS_TEST_CACHE || join(process.env.HOME ?? '/root', '.cache/customs-test');
const images = JSON.parse(readFileSync(join(cacheRoot, 'images-v2/images.json'), 'utf8')).images;
const large = await buildLargeImage(cacheRoot, images.bookworm.ociDir, images.bookworm.tag);

const subjects = [
  { name: 'bookworm', dir: images.bookworm.ociDir, tag: images.bookworm.tag },
  { name: 'layered', dir: images.layered.ociDir, tag: images.layered.tag },
  { name: 'polyglot', dir: images.polyglot.ociDir, tag: images.polyglot.tag },
  { name: 'large (bookworm + 1 GiB)', dir: large.dir, tag: large.tag },
];

function layerBlobs(dir, tag) {
  const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8'));
  const entry =
    index.manifests.find((m) => m.annotations?.['org.opencontainers.image.ref.name'] === tag) ??
    index.manifests[0];
  const manifest = JSON.parse(readFileSync(join(dir, 'blobs', entry.digest.replace(':', '/')), 'utf8'));
  return manifest.layers.map((l) => join(dir, 'blobs', l.digest.replace(':', '/')));
}

function decompressCommand(file) {
  const head = readFileSync(file, { encoding: null, flag: 'r' }).subarray(0, 4);
  if (head[0] === 0x1f && head[1] === 0x8b) return `gzip -dc '${file}'`;
  if (head.readUInt32LE(0) === 0xfd2fb528) return `zstd -dc '${file}'`;
  return `cat '${file}'`;
}

function timeBaseline(blobs) {
  const script = blobs.map((b) => `${decompressCommand(b)} | wc -c >/dev/null`).join('; ');
  const start = process.hrtime.bigint();
  execFileSync('bash', ['-c', script]);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function timeSbom(ref) {
  const r = spawnSync(process.execPath, [join(repo, 'bench/sbom-child.mjs'), ref], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  if (r.status !== 0) throw new Error(`sbom of ${ref} failed: ${r.stderr}`);
  if (process.env.BENCH_VERBOSE) process.stderr.write(`${ref}: ${r.stdout}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = [];
for (const s of subjects) {
  const blobs = layerBlobs(s.dir, s.tag);
  const stored = blobs.reduce((n, b) => n + statSync(b).size, 0);
  const base = [];
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    base.push(timeBaseline(blobs));
    runs.push(timeSbom(`oci-dir:${s.dir}:${s.tag}`));
  }
  const sbomMs = median(runs.map((r) => r.ms));
  const baseMs = median(base);
  rows.push({
    image: s.name,
    layers: blobs.length,
    storedMiB: (stored / 1048576).toFixed(1),
    packages: runs[0].packages,
    'sbom ms': sbomMs.toFixed(0),
    'gzip -dc|wc ms': baseMs.toFixed(0),
    ratio: (sbomMs / baseMs).toFixed(2),
    'peak RSS MiB': (Math.max(...runs.map((r) => r.maxRssKb)) / 1024).toFixed(0),
  });
}
console.log(`\nSBOM generation vs bare decompression (median of ${RUNS} runs; node ${process.version})`);
console.table(rows);
const small = Number(rows[0]['peak RSS MiB']);
const big = Number(rows[rows.length - 1]['peak RSS MiB']);
console.log(
  `peak memory: ${small} MiB for ${rows[0].storedMiB} MiB stored vs ${big} MiB for ${rows[rows.length - 1].storedMiB} MiB stored`,
);

const cdxgen = findCdxgen(cacheRoot);
if (cdxgen) {
  const archive = images.polyglot.ociArchive;
  const ours = [];
  for (let i = 0; i < RUNS; i++) ours.push(timeSbom(`oci-archive:${archive}`));
  const theirs = timeCdxgen(cdxgen, archive, join(cacheRoot, 'bench-cdxgen', 'polyglot.cdx.json'));
  if (theirs) {
    const oursMs = median(ours.map((r) => r.ms));
    console.log('\npolyglot image (oci-archive) vs cdxgen -t docker (one cdxgen run; FETCH_LICENSE=false)');
    console.table([
      {
        tool: 'customs sbom',
        ms: oursMs.toFixed(0),
        'peak RSS MiB': (Math.max(...ours.map((r) => r.maxRssKb)) / 1024).toFixed(0),
        'packages/components': ours[0].packages,
      },
      {
        tool: 'cdxgen',
        ms: theirs.ms.toFixed(0),
        'peak RSS MiB': theirs.maxRssKb ? (theirs.maxRssKb / 1024).toFixed(0) : '?',
        'packages/components': theirs.components,
      },
    ]);
    console.log(`customs is ${(theirs.ms / oursMs).toFixed(1)}× faster than cdxgen on this image`);
  } else console.log('\ncdxgen failed on the polyglot archive; comparison skipped');
}
console.log(`\nsecret rules on ordinary text: ${secretsThroughput().toFixed(0)} MB/s`);
patternsBench(
  `oci-dir:${images.bookworm.ociDir}:${images.bookworm.tag}`,
  join(cacheRoot, 'bench-patterns'),
  RUNS,
);
await vulndbBench(`oci-dir:${images.polyglot.ociDir}:${images.polyglot.tag}`);
if (!existsSync(large.dir)) process.exitCode = 1;
