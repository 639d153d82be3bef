/**
 * Registry faults are bounded: each fault the fault proxy injects in front of a real
 * docker-registry either recovers (the right digest, with the tries it took) or fails within a
 * bound with one line naming the registry, the blob and what happened.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RegistryTransferError } from '../../src/errors/index.js';
import { openRegistryImage, type RegistryLimits } from '../../src/source/registry/index.js';
import type { SourceOptions } from '../../src/source/types.js';
import { startFaultProxy, type FaultProxy, type FaultRule } from '../helpers/fault-proxy.js';
import { CUSTOMS_BIN } from '../helpers/run-cli.js';
import { startRegistry, type RunningRegistry } from './registry-harness.js';
import { caught, sha256OfStream, tarLayers } from './stream-digest.js';
import { buildLayout, pushImage } from './test-images.js';

const LAYER_BYTES = 256 * 1024;
/** Small limits so that every failure is quick; the defaults are 15/30/30 s and 15 min. */
const LIMITS: Partial<RegistryLimits> = {
  connectMs: 2_000,
  headersMs: 1_000,
  idleMs: 400,
  deadlineMs: 10_000,
  backoffMs: 20,
  maxBackoffMs: 200,
};

let work: string;
let registry: RunningRegistry;
let proxy: FaultProxy;
let authProxy: FaultProxy;
let bearerProxy: FaultProxy;
let layerDigest: string;
let configDigest: string;
let opts: SourceOptions & { limits: Partial<RegistryLimits> };

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'customs-faults-test-'));
  const layout = join(work, 'oci');
  // Random bytes do not compress: the layer blob is about LAYER_BYTES long.
  await buildLayout(layout, work, 'big', [{ 'data.bin': randomBytes(LAYER_BYTES) }]);
  registry = await startRegistry();
  await pushImage(layout, 'big', `${registry.host}/test/big:v1`);
  proxy = await startFaultProxy({ upstream: registry.host });
  authProxy = await startFaultProxy({ upstream: registry.host, basicAuth: { user: 'ci', password: 'pw' } });
  bearerProxy = await startFaultProxy({ upstream: registry.host, bearer: true });
  opts = {
    insecureRegistries: [registry.host, proxy.host, authProxy.host, bearerProxy.host],
    dockerConfigPath: join(work, 'no-config.json'),
    limits: LIMITS,
  };
  const image = await openRegistryImage(`${registry.host}/test/big:v1`, opts);
  layerDigest = tarLayers(image)[0]!.descriptor.digest;
  configDigest = image.source.configDigest!;
  await image.close();
});

afterAll(async () => {
  await proxy?.stop();
  await authProxy?.stop();
  await bearerProxy?.stop();
  await registry?.stop();
  if (work) await rm(work, { recursive: true, force: true });
});

beforeEach(() => {
  proxy.ranges = true;
  proxy.setFaults([]);
  proxy.reset();
  authProxy.setFaults([]);
  authProxy.reset();
});

const short = (digest: string): string => `${digest.slice(0, 'sha256:'.length + 12)}…`;

/** Pulls the layer through `via` with `rules` applied to it; the digest streamed and the time. */
async function pullLayer(
  rules: FaultRule[],
  options: { via?: FaultProxy; limits?: Partial<RegistryLimits>; extra?: Partial<SourceOptions> } = {},
): Promise<{ digest: string; ms: number }> {
  const via = options.via ?? proxy;
  via.setFaults(rules.map((r) => ({ match: layerDigest, ...r })));
  const started = Date.now();
  const image = await openRegistryImage(`${via.host}/test/big:v1`, {
    ...opts,
    ...options.extra,
    limits: { ...LIMITS, ...options.limits },
  });
  try {
    const digest = await sha256OfStream(await tarLayers(image)[0]!.openBlob());
    return { digest, ms: Date.now() - started };
  } finally {
    await image.close();
  }
}

async function pullFails(
  rules: FaultRule[],
  options: Parameters<typeof pullLayer>[1] = {},
): Promise<{ err: RegistryTransferError; ms: number }> {
  const started = Date.now();
  const err = await caught(() => pullLayer(rules, options));
  expect(err, err.stack).toBeInstanceOf(RegistryTransferError);
  expect(err.message).not.toContain('\n');
  return { err: err as RegistryTransferError, ms: Date.now() - started };
}

/** Requests for the layer blob that reached `via`. */
const layerRequests = (via: FaultProxy = proxy) => via.requests.filter((r) => r.path.endsWith(layerDigest));

describe('HTTP statuses', () => {
  it('recovers from 500 twice, then ok (3 tries)', async () => {
    const { digest } = await pullLayer([{ fault: { kind: 'status', status: 500 }, times: 2 }]);
    expect(digest).toBe(layerDigest);
    expect(layerRequests().map((r) => r.fault)).toEqual(['status', 'status', undefined]);
  });

  it('gives up on a 503 that never ends after 4 tries, in one line', async () => {
    const { err, ms } = await pullFails([{ fault: { kind: 'status', status: 503 } }]);
    expect(err.message).toBe(
      `registry ${proxy.host}: blob ${short(layerDigest)} answered HTTP 503 after 4 tries`,
    );
    expect(err.fault).toBe('http-status');
    expect(err.status).toBe(503);
    expect(layerRequests()).toHaveLength(4);
    expect(ms).toBeLessThan(3_000);
  });

  it('waits what 429 Retry-After asks (seconds), then recovers', async () => {
    const { digest, ms } = await pullLayer([
      { fault: { kind: 'status', status: 429, retryAfter: '1' }, times: 1 },
    ]);
    expect(digest).toBe(layerDigest);
    expect(layerRequests()).toHaveLength(2);
    // The backoff alone would be 10-20 ms.
    expect(ms).toBeGreaterThanOrEqual(1_000);
  });

  it('honours Retry-After as an HTTP date', async () => {
    const at = new Date(Date.now() + 2_000).toUTCString();
    const { digest, ms } = await pullLayer([
      { fault: { kind: 'status', status: 429, retryAfter: at }, times: 1 },
    ]);
    expect(digest).toBe(layerDigest);
    // HTTP dates have whole seconds: at least ~1 s remains of the 2.
    expect(ms).toBeGreaterThanOrEqual(900);
  });

  it('fails at once when Retry-After is past the deadline', async () => {
    const { err, ms } = await pullFails([{ fault: { kind: 'status', status: 429, retryAfter: '120' } }]);
    expect(err.message).toBe(
      `registry ${proxy.host}: blob ${short(layerDigest)} answered HTTP 429 after 1 try; Retry-After 2 min would pass the 10 s deadline`,
    );
    expect(ms).toBeLessThan(2_000);
  });

  it('retries the token request', async () => {
    const { digest } = await pullLayer(
      [
        { fault: { kind: 'status', status: 503 }, times: 1, match: '/token' },
        { fault: { kind: 'reset', afterBytes: 0 }, times: 1, match: '/token' },
      ],
      { via: bearerProxy },
    );
    expect(digest).toBe(layerDigest);
    const token = bearerProxy.requests.filter((r) => r.path === '/token').map((r) => r.fault);
    expect(token).toEqual(['status', 'reset', undefined]);
  });

  it('gives up on a token service that keeps failing, naming it', async () => {
    const { err } = await pullFails([{ fault: { kind: 'status', status: 502 }, match: '/token' }], {
      via: bearerProxy,
    });
    expect(err.message).toBe(
      `registry ${bearerProxy.host}: token from http://${bearerProxy.host}/token answered HTTP 502 after 4 tries`,
    );
  });

  it('retries the config blob and the manifest too', async () => {
    proxy.setFaults([
      { fault: { kind: 'status', status: 502 }, times: 1, match: 'manifest' },
      { fault: { kind: 'status', status: 504 }, times: 1, match: configDigest },
      { fault: { kind: 'reset', afterBytes: 10 }, times: 1, match: 'manifest' },
    ]);
    const image = await openRegistryImage(`${proxy.host}/test/big:v1`, opts);
    await image.close();
    expect(image.source.configDigest).toBe(configDigest);
    const faults = proxy.requests.filter((r) => r.fault).map((r) => r.fault);
    expect(faults).toEqual(['status', 'reset', 'status']);
  });
});

describe('broken bodies', () => {
  it('resumes a blob reset mid-body with Range from the byte it got to', async () => {
    const { digest } = await pullLayer([{ fault: { kind: 'reset', afterBytes: 100_000 }, times: 1 }]);
    expect(digest).toBe(layerDigest);
    const [first, second] = layerRequests();
    expect(first!.range).toBeUndefined();
    expect(second!.range).toMatch(/^bytes=\d+-$/);
    expect(Number(/=(\d+)-/.exec(second!.range!)![1])).toBeGreaterThan(0);
  });

  it('starts over, skipping what it has, where the registry serves no ranges', async () => {
    proxy.ranges = false;
    const { digest } = await pullLayer([{ fault: { kind: 'reset', afterBytes: 100_000 }, times: 1 }]);
    expect(digest).toBe(layerDigest);
    expect(layerRequests().map((r) => r.range)).toEqual([undefined, undefined]);
  });

  it('stops retrying when the reader goes away', async () => {
    proxy.setFaults([{ fault: { kind: 'reset', afterBytes: 100_000 }, match: layerDigest }]);
    const image = await openRegistryImage(`${proxy.host}/test/big:v1`, {
      ...opts,
      limits: { ...LIMITS, backoffMs: 600, maxBackoffMs: 600 },
    });
    try {
      const stream = await tarLayers(image)[0]!.openBlob();
      let got = 0;
      for await (const chunk of stream) {
        got += (chunk as Buffer).length;
        if (got >= 100_000) break; // destroys the stream, during the reset's backoff at the latest
      }
      await new Promise((r) => setTimeout(r, 1_000));
      expect(layerRequests()).toHaveLength(1);
    } finally {
      await image.close();
    }
  });

  it('gives up on resets that bring no bytes after 4 tries', async () => {
    const { err, ms } = await pullFails([{ fault: { kind: 'reset', afterBytes: 0 } }]);
    expect(err.message).toMatch(
      new RegExp(
        `^registry ${proxy.host}: blob ${short(layerDigest)} connection (reset|closed mid-response) after 4 tries$`,
      ),
    );
    expect(err.fault).toBe('connection-reset');
    expect(ms).toBeLessThan(3_000);
  });

  it('resumes after a stall once no data came for the idle timeout', async () => {
    const { digest, ms } = await pullLayer([{ fault: { kind: 'stall', afterBytes: 50_000 }, times: 1 }]);
    expect(digest).toBe(layerDigest);
    expect(layerRequests()).toHaveLength(2);
    expect(layerRequests()[1]!.range).toMatch(/^bytes=[1-9]\d*-$/);
    expect(ms).toBeGreaterThanOrEqual(400);
  });

  it('gives up on a blob that always stalls: idle timeout x 4 tries', async () => {
    const { err, ms } = await pullFails([{ fault: { kind: 'stall', afterBytes: 0 } }]);
    expect(err.message).toBe(
      `registry ${proxy.host}: blob ${short(layerDigest)} stalled: no data for 0.4 s after 4 tries`,
    );
    expect(err.fault).toBe('stalled');
    // undici checks body timeouts on a coarse (~0.5 s) timer.
    expect(ms).toBeGreaterThanOrEqual(1_600);
    expect(ms).toBeLessThan(6_000);
  });

  it('takes a slow drip that keeps coming', async () => {
    const { digest } = await pullLayer([
      { fault: { kind: 'drip', chunkBytes: 32 * 1024, intervalMs: 50 }, times: 1 },
    ]);
    expect(digest).toBe(layerDigest);
    expect(layerRequests()).toHaveLength(1);
  });

  it('stops a drip too slow for the deadline at the deadline', async () => {
    const { err, ms } = await pullFails([{ fault: { kind: 'drip', chunkBytes: 4096, intervalMs: 100 } }], {
      limits: { deadlineMs: 1_500 },
    });
    expect(err.message).toMatch(
      new RegExp(
        `^registry ${proxy.host}: blob ${short(layerDigest)} not complete within the 1.5 s deadline \\(\\d+ of \\d+ bytes\\) after 1 try$`,
      ),
    );
    expect(err.fault).toBe('deadline');
    expect(ms).toBeLessThan(3_000);
  });

  it('completes a body shorter than the blob (short Content-Length) with a resume', async () => {
    const { digest } = await pullLayer([{ fault: { kind: 'short-length', missingBytes: 1000 }, times: 1 }]);
    expect(digest).toBe(layerDigest);
    expect(layerRequests()).toHaveLength(2);
    expect(layerRequests()[1]!.range).toMatch(/^bytes=[1-9]\d*-$/);
  });

  it('never passes a blob that stays short: an error, not a wrong digest', async () => {
    const { err } = await pullFails([{ fault: { kind: 'short-length', missingBytes: 1000 } }]);
    expect(err.message).toMatch(
      new RegExp(
        `^registry ${proxy.host}: blob ${short(layerDigest)} ended early: \\d+ of \\d+ bytes after \\d+ tries$`,
      ),
    );
    expect(err.fault).toBe('truncated');
  });

  it('takes the whole blob from an answer announcing more bytes than it has', async () => {
    const { digest } = await pullLayer([{ fault: { kind: 'long-length', extraBytes: 1000 } }]);
    expect(digest).toBe(layerDigest);
    expect(layerRequests()).toHaveLength(1);
  });
});

describe('redirects', () => {
  it('follows a blob redirect to another host without sending it the Authorization header', async () => {
    const { digest } = await pullLayer([{ fault: { kind: 'redirect' } }], {
      via: authProxy,
      extra: { credentials: { username: 'ci', password: 'pw' } },
    });
    expect(digest).toBe(layerDigest);
    // The registry itself got credentials; the blob store got the request, without them.
    expect(layerRequests(authProxy).some((r) => r.authorization)).toBe(true);
    const stored = authProxy.storeRequests.filter((r) => r.path.endsWith(layerDigest));
    expect(stored).toHaveLength(1);
    expect(stored[0]!.authorization).toBe(false);
  });
});

describe('limits from the environment', () => {
  it('customs sbom stops a stalled blob after CUSTOMS_REGISTRY_IDLE_TIMEOUT x CUSTOMS_REGISTRY_TRIES, in one line', async () => {
    proxy.setFaults([{ fault: { kind: 'stall', afterBytes: 0 }, match: layerDigest }]);
    const started = Date.now();
    const r = await promisify(execFile)(
      process.execPath,
      [CUSTOMS_BIN, 'sbom', `registry:${proxy.host}/test/big:v1`, '--insecure-registry', proxy.host],
      {
        env: {
          ...process.env,
          CUSTOMS_DEBUG: '',
          DOCKER_CONFIG: work,
          CUSTOMS_REGISTRY_IDLE_TIMEOUT: '0.3',
          CUSTOMS_REGISTRY_TRIES: '2',
        },
        timeout: 30_000,
      },
    ).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => e,
    );
    const ms = Date.now() - started;
    expect(r.code).toBe(1);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toEqual([
      `customs: registry ${proxy.host}: blob ${short(layerDigest)} stalled: no data for 0.3 s after 2 tries`,
    ]);
    expect(layerRequests()).toHaveLength(2);
    expect(ms).toBeLessThan(10_000);
  });
});
