// The API under load: GET routes of a real buildApp listening on 127.0.0.1 (bench/api-server-child.mjs,
// its own process) with an SQLite store of 100 analysed images, each route driven by autocannon
// for $BENCH_API_SECONDS (default 10) s with $BENCH_API_CONNECTIONS (default 10) connections; the
// requests of a per-image route rotate over all the images' digests.
// Prints requests/s and p50/p99 latency per route; the target is p99 < 50 ms.
// Standalone (`node bench/api-load.mjs`) it also writes its figures into bench/results.json.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { fetch } from 'undici';

const P99_TARGET_MS = 50;

function startServer(image, work, count) {
  const child = spawn(
    process.execPath,
    [
      fileURLToPath(new URL('./api-server-child.mjs', import.meta.url)),
      image.ociDir,
      image.tag,
      work,
      String(count),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => reject(new Error(`the API server exited (${code}) before listening`)));
    createInterface({ input: child.stdout }).once('line', (line) => resolve({ child, ...JSON.parse(line) }));
  });
}

/** Drives `paths` in turn (request n asks paths[n % paths.length]), so a route's load spreads over every image. */
function load(address, paths, key, seconds, connections) {
  let next = 0;
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: address,
        connections,
        duration: seconds,
        headers: { authorization: `Bearer ${key}` },
        requests: [
          {
            setupRequest: (request) => {
              request.path = paths[next++ % paths.length];
              return request;
            },
          },
        ],
      },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
  });
}

/** Runs the load test; returns its figures (and prints them). */
export async function apiLoadBench(images, options = {}) {
  const seconds = options.seconds ?? Number(process.env.BENCH_API_SECONDS ?? 10);
  const connections = options.connections ?? Number(process.env.BENCH_API_CONNECTIONS ?? 10);
  const count = options.images ?? 100;
  const work = mkdtempSync(join(tmpdir(), 'customs-bench-api-'));
  const server = await startServer(images.polyglot, work, count);
  // Each per-image route rotates over all the digests, so no cache of a few images' documents
  // can hold the working set.
  const each = (path) => server.digests.map((digest, i) => path(digest, i));
  const routes = [
    ['GET /v1/images', ['/v1/images']],
    ['GET /v1/images/{digest}', each((d) => `/v1/images/${d}`)],
    ['GET /v1/images/{digest}/vuln/all', each((d) => `/v1/images/${d}/vuln/all`)],
    ['GET /v1/images/{digest}/content/os', each((d) => `/v1/images/${d}/content/os`)],
    [
      'GET /v1/images/{digest}/check?tag=…',
      each((d, i) => `/v1/images/${d}/check?tag=registry.example/bench/app:v${i}`),
    ],
  ];
  const rows = [];
  try {
    for (const [name, paths] of routes) {
      const probe = await fetch(`${server.address}${paths[0]}`, {
        headers: { authorization: `Bearer ${server.key}` },
      });
      const bytes = (await probe.arrayBuffer()).byteLength;
      if (probe.status !== 200) throw new Error(`${name}: ${probe.status}`);
      const r = await load(server.address, paths, server.key, seconds, connections);
      rows.push({
        route: name,
        requests: r.requests.total,
        requestsPerSecond: Math.round(r.requests.average),
        p50Ms: r.latency.p50,
        p99Ms: r.latency.p99,
        maxMs: r.latency.max,
        responseBytes: bytes,
        non2xx: r.non2xx,
        errors: r.errors + r.timeouts,
      });
    }
  } finally {
    server.child.kill('SIGTERM');
    await new Promise((resolve) => server.child.once('exit', resolve));
    rmSync(work, { recursive: true, force: true });
  }
  const result = {
    images: count,
    packagesPerImage: server.packages,
    advisories: server.advisories,
    findingsPerImage: server.findings,
    seconds,
    connections,
    digestsPerRoute: count,
    p99TargetMs: P99_TARGET_MS,
    routes: rows,
    met: rows.every((r) => r.p99Ms < P99_TARGET_MS && r.non2xx === 0 && r.errors === 0),
  };
  console.log(
    `\nAPI load: ${count} analysed images (${server.packages} packages, ${server.findings} findings each), ` +
      `${connections} connections, ${seconds} s per route, requests rotating over the ${count} digests, ` +
      `loopback, ${cpus().length} CPUs`,
  );
  console.table(
    rows.map((r) => ({
      route: r.route,
      'req/s': r.requestsPerSecond,
      'p50 ms': r.p50Ms,
      'p99 ms': r.p99Ms,
      'max ms': r.maxMs,
      'body bytes': r.responseBytes,
      'non-2xx': r.non2xx,
      errors: r.errors,
    })),
  );
  return result;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const cacheRoot =
    process.env.CUSTOMS_TEST_CACHE || join(process.env.HOME ?? '/root', '.cache/customs-test');
  const images = JSON.parse(readFileSync(join(cacheRoot, 'images-v2/images.json'), 'utf8')).images;
  const loadAtStart = loadavg().map((l) => Number(l.toFixed(2)));
  const apiLoad = { date: new Date().toISOString(), loadAtStart, ...(await apiLoadBench(images)) };
  apiLoad.loadAtEnd = loadavg().map((l) => Number(l.toFixed(2)));
  const file = fileURLToPath(new URL('./results.json', import.meta.url));
  const results = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  writeFileSync(file, `${JSON.stringify({ ...results, apiLoad }, null, 2)}\n`);
  console.log('written: bench/results.json (apiLoad)');
}
