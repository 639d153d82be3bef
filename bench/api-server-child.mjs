// The API server the load test measures, in a process of its own (so the load generator does not
// share its event loop): an SQLite store holding IMAGES analysed images, each the stored SBOM and
// scan of the polyglot test image under its own digest, an active policy bundle, and the real
// in-process queue. Prints one JSON line {address, key, digests, tag} when it listens; stops on
// SIGTERM. argv: <polyglot oci dir> <tag> <work dir> [images]
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { buildApp } from '../dist/server/app/build-app.js';
import { bootstrapAdmin } from '../dist/server/auth/bootstrap-admin.js';
import { openJobQueue } from '../dist/server/queue/open-queue.js';
import { sbomMetadata } from '../dist/server/services/upload-service.js';
import { createSecretBox } from '../dist/server/store/secret-box/index.js';
import { openServiceStore } from '../dist/server/store/open-store.js';
import { scanSbom } from '../dist/scan/index.js';
import { sbomImage } from '../dist/usecases/index.js';
import { openSqliteStore } from '../dist/vulndb/store/sqlite/index.js';

const [ociDir, tag, work, count = '100'] = process.argv.slice(2);
const IMAGES = Number(count);
const bin = fileURLToPath(new URL('../bin/customs', import.meta.url));
const OSV_ECOSYSTEM = {
  npm: 'npm',
  pypi: 'PyPI',
  gem: 'RubyGems',
  maven: 'Maven',
  golang: 'Go',
  deb: 'Debian:12',
};

/** OSV records for every third package of the SBOM (a scan with findings on every image). */
function writeFeed(sbom, dir) {
  mkdirSync(dir, { recursive: true });
  let n = 0;
  for (const [i, pkg] of sbom.packages.entries()) {
    const type = /^pkg:([a-z]+)\//.exec(pkg.purl ?? '')?.[1];
    const ecosystem = type && OSV_ECOSYSTEM[type];
    if (!ecosystem || !pkg.version || i % 3 !== 0) continue;
    const id = `BENCH-${String(++n).padStart(4, '0')}`;
    const name = type === 'maven' ? pkg.purl.replace(/^pkg:maven\/([^/]+)\/([^@]+)@.*/, '$1:$2') : pkg.name;
    writeFileSync(
      join(dir, `${id}.json`),
      JSON.stringify({
        id,
        modified: '2026-01-01T00:00:00Z',
        summary: `bench advisory for ${pkg.name}`,
        database_specific: { severity: ['LOW', 'MODERATE', 'HIGH', 'CRITICAL'][n % 4] },
        affected: [{ package: { ecosystem, name }, versions: [pkg.version] }],
      }),
    );
  }
  return n;
}

const { sbom } = await sbomImage(`oci-dir:${ociDir}:${tag}`);
const feed = join(work, 'feed');
const advisories = writeFeed(sbom, feed);
const vulndb = join(work, 'vulndb.sqlite');
execFileSync(process.execPath, [bin, 'db', 'import', '--db', vulndb, feed], { stdio: 'ignore' });
const vulns = openSqliteStore(vulndb, { readonly: true });
const scan = await scanSbom(sbom, vulns);
await vulns.close();

const dataDir = join(work, 'data');
const location = { sqlitePath: join(dataDir, 'customs.db') };
const store = await openServiceStore(location);
const { createdKey } = await bootstrapAdmin(store);
const accountId = (await store.accounts.byName('admin')).id;
const at = new Date().toISOString();
const digests = [];
for (let i = 0; i < IMAGES; i++) {
  const digest = `sha256:${createHash('sha256').update(`bench image ${i}`).digest('hex')}`;
  digests.push(digest);
  const copy = { ...sbom, source: { ...sbom.source, digest } };
  await store.images.upsert({
    accountId,
    digest,
    origin: { kind: 'registry', reference: `registry.example/bench/app@${digest}` },
    tag: {
      registry: 'registry.example',
      repository: 'bench/app',
      tag: `v${i}`,
      fullTag: `registry.example/bench/app:v${i}`,
    },
    at,
  });
  await store.analyses.putSbom(digest, copy, at);
  await store.analyses.putScan(digest, { ...scan, source: { ...scan.source, digest }, sbom: copy }, at);
  await store.images.setStatus(digest, 'analyzed', { at, metadata: sbomMetadata(copy) });
}
const queue = openJobQueue(location);
await queue.start();
// The service's own logger at its default level, writing where nobody reads.
const logger = pino({ level: 'info' }, pino.destination({ dest: '/dev/null', sync: false }));
const app = await buildApp({
  store,
  queue,
  vulnData: vulndb,
  secretBox: createSecretBox(Buffer.alloc(32, 7)),
  logger,
  dataDir,
  // The load comes from one address and one key on purpose: the rate limits would answer 429.
  rateLimits: { perKeyPerMinute: 0, perAddressPerMinute: 0 },
});
const headers = { authorization: `Bearer ${createdKey}`, 'content-type': 'application/json' };
const bundle = {
  id: 'bench',
  version: '1_0',
  name: 'bench',
  policies: [
    {
      id: 'p',
      version: '1_0',
      name: 'p',
      rules: [
        {
          id: 'r1',
          gate: 'vulnerabilities',
          trigger: 'package',
          action: 'STOP',
          params: [
            { name: 'package_type', value: 'all' },
            { name: 'severity_comparison', value: '>=' },
            { name: 'severity', value: 'high' },
          ],
        },
      ],
    },
  ],
  mappings: [
    {
      id: 'm',
      name: 'all',
      registry: '*',
      repository: '*',
      image: { type: 'tag', value: '*' },
      policy_ids: ['p'],
      whitelist_ids: [],
    },
  ],
  whitelists: [],
};
for (const [method, url, payload] of [
  ['POST', '/v1/policies', bundle],
  ['PUT', '/v1/policies/bench?active=true', {}],
]) {
  const res = await app.inject({ method, url, headers, payload });
  if (res.statusCode !== 200) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
}
const address = await app.listen({ port: 0, host: '127.0.0.1' });
console.log(
  JSON.stringify({
    address,
    key: createdKey,
    digests,
    packages: sbom.packages.length,
    advisories,
    findings: scan.matches.length,
  }),
);
process.on('SIGTERM', async () => {
  await app.close();
  await queue.stop({ timeoutMs: 2000 });
  await store.close();
  process.exit(0);
});
