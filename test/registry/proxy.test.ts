/**
 * HTTPS_PROXY / HTTP_PROXY / NO_PROXY are honoured by registry access and by `customs db update`,
 * checked with a local forward proxy that counts what goes through it. The proxied names
 * (`*.customs.invalid`) resolve nowhere but in the proxy, so an answer proves the proxy was used.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openRegistryImage } from '../../src/source/registry/index.js';
import { startForwardProxy, type ForwardProxy } from '../helpers/forward-proxy.js';
import { CUSTOMS_BIN } from '../helpers/run-cli.js';
import { startRegistry, type RunningRegistry } from './registry-harness.js';
import { sha256OfStream, tarLayers } from './stream-digest.js';
import { buildTestLayouts, layoutManifest, pushImage } from './test-images.js';

const REGISTRY_NAME = 'registry.customs.invalid:5000';
const FEED_NAME = 'feeds.customs.invalid';
const PROXY_VARIABLES = ['HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY', 'http_proxy', 'https_proxy', 'no_proxy'];

const KEV = JSON.stringify({
  title: 'CISA Catalog of Known Exploited Vulnerabilities',
  vulnerabilities: [
    { cveID: 'CVE-2025-48384', vendorProject: 'Git', product: 'Git', dateAdded: '2025-08-25' },
  ],
});

let work: string;
let registry: RunningRegistry;
let proxy: ForwardProxy;
let feed: Server;
let feedHost: string;
let feedHits = 0;
let app: { digest: string; layers: string[] };
const savedEnv = new Map<string, string | undefined>();

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'customs-proxy-test-'));
  const { layout } = await buildTestLayouts(work);
  registry = await startRegistry();
  await pushImage(layout, 'app', `${registry.host}/test/app:v1`);
  app = await layoutManifest(layout, 'app');
  feed = createServer((req, res) => {
    feedHits++;
    if (req.url === '/kev.json') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(KEV);
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => feed.listen(0, '127.0.0.1', resolve));
  feedHost = `127.0.0.1:${(feed.address() as AddressInfo).port}`;
  proxy = await startForwardProxy({ [REGISTRY_NAME]: registry.host, [`${FEED_NAME}:80`]: feedHost });
  for (const name of PROXY_VARIABLES) savedEnv.set(name, process.env[name]);
});

afterEach(() => {
  for (const [name, value] of savedEnv) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  proxy.reset();
});

afterAll(async () => {
  await proxy?.stop();
  await new Promise<void>((resolve) => (feed ? feed.close(() => resolve()) : resolve()));
  await registry?.stop();
  if (work) await rm(work, { recursive: true, force: true });
});

function setProxyEnv(values: Record<string, string>): void {
  for (const name of PROXY_VARIABLES) delete process.env[name];
  Object.assign(process.env, values);
}

async function pull(host: string): Promise<string> {
  const image = await openRegistryImage(`${host}/test/app:v1`, {
    insecureRegistries: [host],
    dockerConfigPath: join(work, 'no-config.json'),
  });
  try {
    expect(image.source.manifestDigest).toBe(app.digest);
    return await sha256OfStream(await tarLayers(image)[0]!.openBlob());
  } finally {
    await image.close();
  }
}

describe('registry access', () => {
  it('goes through HTTP_PROXY: a registry only the proxy can reach is pulled, and the proxy counts it', async () => {
    setProxyEnv({ HTTP_PROXY: proxy.url });
    expect(await pull(REGISTRY_NAME)).toBe(app.layers[0]);
    expect(proxy.tunnels.length).toBeGreaterThan(0);
    expect(new Set(proxy.tunnels)).toEqual(new Set([REGISTRY_NAME]));
  });

  it('goes through HTTPS_PROXY for the https attempt and HTTP_PROXY for plain http', async () => {
    const other = await startForwardProxy({ [REGISTRY_NAME]: registry.host });
    try {
      setProxyEnv({ HTTPS_PROXY: other.url, HTTP_PROXY: proxy.url });
      expect(await pull(REGISTRY_NAME)).toBe(app.layers[0]);
      // The insecure registry is tried over https first (it refuses TLS), then plain http.
      expect(other.tunnels).toEqual([REGISTRY_NAME]);
      expect(proxy.tunnels.length).toBeGreaterThan(0);
    } finally {
      await other.stop();
    }
  });

  it('bypasses the proxy for a host NO_PROXY names', async () => {
    setProxyEnv({ HTTP_PROXY: proxy.url, NO_PROXY: 'localhost,127.0.0.1' });
    expect(await pull(registry.host)).toBe(app.layers[0]);
    expect(proxy.tunnels).toEqual([]);
    expect(proxy.forwarded).toEqual([]);
  });

  it('uses the proxy for 127.0.0.1 too when NO_PROXY does not name it', async () => {
    setProxyEnv({ HTTP_PROXY: proxy.url, NO_PROXY: 'example.org' });
    expect(await pull(registry.host)).toBe(app.layers[0]);
    expect(proxy.tunnels).toContain(registry.host);
  });
});

describe('customs db update', () => {
  const run = promisify(execFile);

  async function dbUpdate(
    db: string,
    url: string,
    env: Record<string, string>,
  ): Promise<{ code: number; out: string }> {
    const clean = Object.fromEntries(
      Object.entries(process.env).filter(([k]) => !PROXY_VARIABLES.includes(k)),
    );
    return run(process.execPath, [CUSTOMS_BIN, 'db', 'update', '--db', db, '--provider', 'kev'], {
      env: { ...clean, CUSTOMS_DEBUG: '', CUSTOMS_KEV_URL: url, ...env },
      timeout: 60_000,
    }).then(
      (r) => ({ code: 0, out: r.stdout + r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
    );
  }

  it('downloads a feed through HTTP_PROXY from a server only the proxy can reach', async () => {
    const before = feedHits;
    const r = await dbUpdate(join(work, 'proxied.sqlite'), `http://${FEED_NAME}/kev.json`, {
      HTTP_PROXY: proxy.url,
    });
    expect(r.code, r.out).toBe(0);
    expect(proxy.tunnels).toEqual([`${FEED_NAME}:80`]);
    expect(feedHits).toBe(before + 1);
  });

  it('goes straight to a feed host NO_PROXY names', async () => {
    const before = feedHits;
    const r = await dbUpdate(join(work, 'direct.sqlite'), `http://${feedHost}/kev.json`, {
      HTTP_PROXY: proxy.url,
      NO_PROXY: '127.0.0.1',
    });
    expect(r.code, r.out).toBe(0);
    expect(proxy.tunnels).toEqual([]);
    expect(feedHits).toBe(before + 1);
  });
});
