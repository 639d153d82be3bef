// The fleet on PostgreSQL: one `customs serve --database-url` and three `customs worker`
// processes (the built CLI) analyze 31 images from a local registry. One worker is SIGKILLed in
// the middle of a job; every image is still analyzed, each exactly once; a job that always
// fails ends dead-lettered with its reason on the image.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScratchDatabase } from '../../../src/vulndb/store/testing/scratch-postgres.js';
import { writeOciLayout } from '../../helpers/oci-builder.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { writeLodashDatabase } from '../../helpers/use-case-fixtures.js';
import { getTestImages } from '../../images/index.js';
import { freePort, startRegistry, stopChild, type RunningRegistry } from '../../registry/registry-harness.js';
import { pushOci, waitFor } from './worker-fixtures.js';

// bin/customs runs dist/cli/main.js: the built CLI, as a user starts it.
const CLI = join(import.meta.dirname, '..', '..', '..', 'bin', 'customs');
const SMALL_IMAGES = 30;
const scratch = await createScratchDatabase();

interface Proc {
  child: ChildProcess;
  lines: string[];
  exit: Promise<number | null>;
}

function startCli(args: string[], env: NodeJS.ProcessEnv): Proc {
  const child = spawn(process.execPath, [CLI, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  for (const stream of [child.stdout!, child.stderr!])
    stream.on('data', (chunk: Buffer) => lines.push(...chunk.toString('utf8').split('\n').filter(Boolean)));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, lines, exit };
}

describe.skipIf(!scratch)('workers on PostgreSQL', () => {
  const dir = tempDir('customs-fleet-');
  const adminKey = `cus_${randomBytes(8).toString('hex')}_${randomBytes(24).toString('base64url')}`;
  const env = { CUSTOMS_SECRET_KEY: randomBytes(32).toString('base64'), CUSTOMS_ADMIN_KEY: adminKey };
  let registry: RunningRegistry;
  let api: Proc;
  let workers: Proc[] = [];
  let base: string;
  const refs: string[] = [];
  let polyglotRef: string;
  const headers = { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' };

  beforeAll(async () => {
    registry = await startRegistry();
    const { polyglot } = getTestImages().images;
    polyglotRef = `${registry.host}/fleet/polyglot:1`;
    const pushes: Promise<void>[] = [pushOci(polyglot.ociDir, polyglot.tag, polyglotRef)];
    for (let i = 0; i < SMALL_IMAGES; i++) {
      const layout = join(dir, `img-${i}`);
      await writeOciLayout(layout, {
        tag: 'v1',
        layers: [
          {
            entries: [
              { name: `srv/image-${i}.txt`, content: `image ${i} ${randomBytes(4).toString('hex')}\n` },
            ],
          },
        ],
      });
      refs.push(`${registry.host}/fleet/small-${i}:v1`);
    }
    for (let i = 0; i < SMALL_IMAGES; i += 6)
      await Promise.all(refs.slice(i, i + 6).map((ref, j) => pushOci(join(dir, `img-${i + j}`), 'v1', ref)));
    await Promise.all(pushes);
    const vulnDb = join(dir, 'vulns.db');
    await writeLodashDatabase(vulnDb);

    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    const jobFlags = ['--job-expire', '12', '--job-retries', '1', '--job-retry-delay', '1'];
    api = startCli(
      [
        'serve',
        '--port',
        String(port),
        '--database-url',
        scratch!.url,
        '--data-dir',
        join(dir, 'api'),
        '--insecure-registry',
        registry.host,
        '--vuln-db',
        vulnDb,
        ...jobFlags,
      ],
      env,
    );
    await waitFor(
      'the API',
      async () => (await fetch(`${base}/health`).catch(() => undefined))?.ok || undefined,
      20_000,
      200,
    );
    workers = [1, 2, 3].map(() =>
      startCli(
        [
          'worker',
          '--database-url',
          scratch!.url,
          '--data-dir',
          join(dir, 'workers'),
          '--vuln-db',
          vulnDb,
          '--insecure-registry',
          registry.host,
          ...jobFlags,
        ],
        env,
      ),
    );
  }, 90_000);

  afterAll(async () => {
    for (const proc of [...workers, api]) if (proc) await stopChild(proc.child);
    await registry?.stop();
    await scratch?.drop();
  });

  const add = async (source: object): Promise<string> => {
    const res = await fetch(`${base}/v1/images`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ source }),
    });
    const body = (await res.json()) as { imageDigest: string };
    expect(res.status).toBe(200);
    return body.imageDigest;
  };

  it('analyzes every image exactly once, though a worker dies mid-job, and dead-letters a hopeless one', async () => {
    const polyglotDigest = await add({ tag: { pullstring: polyglotRef } });
    const digests = [polyglotDigest];
    for (const ref of refs) digests.push(await add({ tag: { pullstring: ref } }));
    expect(new Set(digests).size).toBe(SMALL_IMAGES + 1);
    const missing = await add({
      digest: { pullstring: `${registry.host}/fleet/gone@sha256:${randomBytes(32).toString('hex')}` },
    });

    // Kill the worker that started on the big image, as soon as it says so.
    const victim = await waitFor(
      'a worker analyzing the polyglot image',
      async () =>
        workers.find((w) => w.lines.some((l) => l.includes('analyzing image') && l.includes(polyglotDigest))),
      20_000,
      50,
    );
    victim.child.kill('SIGKILL');
    expect(await victim.exit).toBe(null);

    const statuses = await waitFor(
      'every image analyzed and the hopeless one failed',
      async () => {
        const res = await fetch(`${base}/v1/images?limit=100`, { headers });
        const body = (await res.json()) as { images: { imageDigest: string; analysis_status: string }[] };
        const by = new Map(body.images.map((i) => [i.imageDigest, i.analysis_status]));
        const done = digests.every((d) => by.get(d) === 'analyzed') && by.get(missing) === 'analysis_failed';
        return done ? by : undefined;
      },
      50_000,
      500,
    );
    expect(statuses.size).toBe(SMALL_IMAGES + 2);

    const failed = (await (await fetch(`${base}/v1/images/${missing}`, { headers })).json()) as {
      analysis_status: string;
      failure_reason?: string;
    };
    expect(failed.analysis_status).toBe('analysis_failed');
    expect(failed.failure_reason).toMatch(/fleet\/gone/);

    const client = new pg.Client({ connectionString: scratch!.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ key: string; state: string; n: number; retries: number }>(
        `SELECT singleton_key AS key, state, COUNT(*)::int AS n, MAX(retry_count)::int AS retries
         FROM pgboss.job WHERE name = 'analyze-image' GROUP BY singleton_key, state`,
      );
      const completed = rows.filter((r) => r.state === 'completed');
      // One job per digest, completed once; the killed run came back as a retry.
      expect(completed.map((r) => r.key).sort()).toEqual([...digests].sort());
      expect(completed.every((r) => r.n === 1)).toBe(true);
      expect(completed.find((r) => r.key === polyglotDigest)?.retries).toBe(1);
      expect(rows.filter((r) => r.state !== 'completed')).toEqual([
        { key: missing, state: 'failed', n: 1, retries: 1 },
      ]);
    } finally {
      await client.end();
    }

    // The two left stop on SIGTERM, cleanly.
    const alive = workers.filter((w) => w !== victim);
    for (const w of alive) w.child.kill('SIGTERM');
    expect(await Promise.all(alive.map((w) => w.exit))).toEqual([0, 0]);
  }, 90_000);
});
