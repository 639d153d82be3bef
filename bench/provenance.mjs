// Provenance over a fleet (issue 13): N analysed images (default 1,000) in one account of a service
// store, SQLite and (when a local server answers) PostgreSQL: 10 bases of 2 layers, 90 runtimes of
// base + 2 layers, the rest apps of runtime + 3 layers, each with a 50-package SBOM. Measured
// (median of 20): the layer lists pass (AnalysisStore.layerLists), the provenance of an app (what
// GET /v1/images/{digest} adds) and the images derived from a base (GET …/derived, first page).
// `node bench/provenance.mjs [images]` after `npm run build`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';

const repo = fileURLToPath(new URL('..', import.meta.url));
const dist = (path) => import(join(repo, 'dist', path));
const sha = (text) => `sha256:${createHash('sha256').update(text).digest('hex')}`;

function sbomOf(name, diffIds) {
  return {
    schema: 'customs-sbom/1',
    descriptor: { name: 'customs', version: 'bench', timestamp: '2026-01-01T00:00:00.000Z' },
    scope: 'squashed',
    source: {
      type: 'registry',
      reference: `bench.example/${name}:1`,
      digest: sha(`manifest ${name}`),
      layers: diffIds.map((diffId, index) => ({
        index,
        digest: sha(`blob ${diffId}`),
        diffId,
        mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
        size: 1000,
      })),
    },
    distro: { id: 'debian', versionId: '12', versionCodename: 'bookworm' },
    packages: Array.from({ length: 50 }, (_, i) => ({
      id: `${name}-p${i}`,
      name: `pkg-${i}`,
      version: `1.${i}`,
      type: 'deb',
      locations: [{ path: '/var/lib/dpkg/status', layer: diffIds[0], layerIndex: 0 }],
      foundBy: 'dpkg',
    })),
    relationships: [],
    image: null,
    files: [],
    unknowns: [],
    warnings: [],
  };
}

/** The fleet: [name, diffIds] with bases, runtimes on them, apps on those. */
function fleet(count) {
  const images = [];
  const layer = (name, n) => sha(`layer ${name} ${n}`);
  for (let b = 0; b < 10; b++) images.push([`base-${b}`, [layer(`base-${b}`, 0), layer(`base-${b}`, 1)]]);
  for (let r = 0; r < 90; r++) {
    const base = images[r % 10][1];
    images.push([`runtime-${r}`, [...base, layer(`runtime-${r}`, 0), layer(`runtime-${r}`, 1)]]);
  }
  for (let a = 0; images.length < count; a++) {
    const runtime = images[10 + (a % 90)][1];
    images.push([`app-${a}`, [...runtime, ...[0, 1, 2].map((n) => layer(`app-${a}`, n))]]);
  }
  return images;
}

async function median(fn, runs = 20) {
  const times = [];
  let last;
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    last = await fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(runs / 2)], last };
}

async function measure(label, options, count) {
  const { openServiceStore } = await dist('server/store/index.js');
  const { imageProvenance, imagesDerivedFrom } = await dist('server/services/image-provenance.js');
  const store = await openServiceStore(options);
  try {
    const accountId = (await store.accounts.create({ name: 'bench', role: 'user' })).id;
    const at = '2026-03-01T10:00:00.000Z';
    const t0 = Date.now();
    const images = fleet(count);
    for (const [name, diffIds] of images) {
      const digest = sha(`manifest ${name}`);
      await store.images.upsert({
        accountId,
        digest,
        origin: { kind: 'registry', reference: `bench.example/${name}@${digest}` },
        tag: { registry: 'bench.example', repository: name, tag: '1', fullTag: `bench.example/${name}:1` },
        at,
      });
      await store.analyses.putSbom(digest, sbomOf(name, diffIds), at);
      await store.images.setStatus(digest, 'analyzed', { at });
    }
    const stored = Date.now() - t0;
    const app = await store.images.get(accountId, sha(`manifest ${images[images.length - 1][0]}`));
    const lists = await median(() => store.analyses.layerLists(accountId));
    const provenance = await median(() => imageProvenance(store, accountId, app));
    const derived = await median(() =>
      imagesDerivedFrom(store, accountId, sha('manifest base-0'), {}, { page: 1, limit: 100 }),
    );
    console.log(
      `${label}: ${count} images stored in ${(stored / 1000).toFixed(1)} s; layerLists ${lists.ms.toFixed(1)} ms ` +
        `(${lists.last.length} lists); provenance of an app ${provenance.ms.toFixed(1)} ms ` +
        `(${provenance.last.base_images.length} bases); derived of a base ${derived.ms.toFixed(1)} ms ` +
        `(${derived.last.total} images, ${derived.last.images.filter((i) => i.direct).length} direct on page 1)`,
    );
  } finally {
    await store.close();
  }
}

const count = Number(process.argv[2] ?? 1000);
const work = mkdtempSync(join(tmpdir(), 'customs-bench-provenance-'));
try {
  await measure('sqlite', { sqlitePath: join(work, 'store.db') }, count);
  const { createScratchDatabase } = await dist('vulndb/store/testing/scratch-postgres.js');
  const scratch = await createScratchDatabase();
  if (!scratch) console.log('postgres: skipped (no server answers; set CUSTOMS_TEST_POSTGRES_URL)');
  else
    try {
      await measure('postgres', { databaseUrl: scratch.url }, count);
    } finally {
      await scratch.drop();
    }
} finally {
  rmSync(work, { recursive: true, force: true });
}
