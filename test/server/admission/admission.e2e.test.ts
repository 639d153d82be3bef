// The admission webhook end to end: a real registry, `startService` in its embedded mode (the
// analysis runs in the same process), AdmissionReview documents as the API server sends them.
import { execFileSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startService, type RunningService } from '../../../src/server/app/start-service.js';
import { serviceStoreBackends } from '../../helpers/service-store-backends.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { everyImageBundle } from '../../helpers/use-case-fixtures.js';
import { startRegistry, type RunningRegistry } from '../../registry/registry-harness.js';
import { addImageAndWait, pushNpmImage } from '../workers/worker-fixtures.js';

const dir = tempDir('customs-admission-');
const adminKey = `cus_${randomBytes(8).toString('hex')}_${randomBytes(24).toString('base64url')}`;
const headers = { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' };
const secretEnv = { CUSTOMS_SECRET_KEY: randomBytes(32).toString('base64') };
let registry: RunningRegistry;
let service: RunningService;

/** STOP on the npm package left-pad; WARN on every image. */
const BUNDLE = {
  ...everyImageBundle(
    [
      {
        id: 'no-left-pad',
        gate: 'packages',
        trigger: 'blacklist',
        action: 'STOP',
        params: [
          { name: 'name', value: 'left-pad' },
          { name: 'package_type', value: 'non-os' },
        ],
      },
      { id: 'always', gate: 'always', trigger: 'always', action: 'WARN', params: [] },
    ],
    'admission test',
  ),
  id: 'admission',
};

async function pushApp(name: string, pkg: string, version: string): Promise<string> {
  const ref = `${registry.host}/admission/${name}:v1`;
  await pushNpmImage(join(dir, name), ref, pkg, version);
  return ref;
}

function review(kind: string, object: unknown, extra: Record<string, unknown> = {}) {
  return {
    apiVersion: 'admission.k8s.io/v1',
    kind: 'AdmissionReview',
    request: {
      uid: randomUUID(),
      kind: { group: kind === 'Pod' ? '' : 'apps', version: 'v1', kind },
      namespace: 'shop',
      operation: 'CREATE',
      object,
      ...extra,
    },
  };
}

interface ReviewAnswer {
  apiVersion: string;
  kind: string;
  response: {
    uid: string;
    allowed: boolean;
    status?: { code: number; message: string };
    warnings?: string[];
  };
}

async function admit(
  on: RunningService,
  body: unknown,
  mode = 'fail-closed',
): Promise<{ status: number; answer: ReviewAnswer }> {
  const res = await fetch(`${on.address}/v1/admission/${mode}`, {
    method: 'POST',
    headers,
    body: JSON.stringify(body),
  });
  return { status: res.status, answer: (await res.json()) as ReviewAnswer };
}

async function api(path: string, init: RequestInit = {}): Promise<unknown> {
  const res = await fetch(`${service.address}${path}`, { headers, ...init });
  expect(res.status, `${init.method ?? 'GET'} ${path}`).toBeLessThan(300);
  return res.json();
}

const addAndWait = (ref: string): Promise<string> => addImageAndWait(service.address, headers, ref);

let bad: string;
let good: string;
let unseen: string;
let badDigest: string;

const { sqlite, postgres } = await serviceStoreBackends();

beforeAll(async () => {
  registry = await startRegistry();
  bad = await pushApp('bad', 'left-pad', '1.3.0');
  good = await pushApp('good', 'is-number', '7.0.0');
  unseen = await pushApp('unseen', 'is-odd', '3.0.1');
}, 60_000);

afterAll(async () => {
  await registry?.stop();
});

describe.each([sqlite, ...(postgres ? [postgres] : [])])('the admission webhook ($name)', (backend) => {
  beforeAll(async () => {
    const location = await backend.freshOptions();
    service = await startService({
      port: 0,
      dataDir: join(dir, `data-${backend.name}`),
      ...('databaseUrl' in location ? { databaseUrl: location.databaseUrl, workers: 1 } : {}),
      vulnDb: join(dir, 'no-vulns.db'),
      insecureRegistries: [registry.host],
      adminKey,
      logger: pino({ level: 'silent' }),
      admission: { deadlineMs: 25_000, pollMs: 100 },
      env: secretEnv,
    });
    await api('/v1/policies', { method: 'POST', body: JSON.stringify(BUNDLE) });
    await api('/v1/policies/admission?active=true', { method: 'PUT', body: '{}' });
    badDigest = await addAndWait(bad);
    await addAndWait(good);
  }, 90_000);

  afterAll(async () => {
    await service?.close();
  });

  it('denies a pod whose init container image fails the policy, naming the gate and trigger', async () => {
    const body = review('Pod', {
      spec: { initContainers: [{ name: 'setup', image: bad }], containers: [{ name: 'app', image: good }] },
    });
    const { status, answer } = await admit(service, body);
    expect(status).toBe(200);
    expect(answer.apiVersion).toBe('admission.k8s.io/v1');
    expect(answer.kind).toBe('AdmissionReview');
    expect(answer.response.uid).toBe(body.request.uid);
    expect(answer.response.allowed).toBe(false);
    expect(answer.response.status?.code).toBe(403);
    const message = answer.response.status!.message;
    expect(message).toContain(`spec.initContainers[0] (setup) ${bad} [${badDigest}]`);
    expect(message).toContain('STOP by policy admission');
    expect(message).toContain('packages/blacklist: Denied package installed: left-pad@1.3.0');
    expect(message).not.toContain('spec.containers[0]');
    // The passing container's WARN still reaches the user.
    expect(answer.response.warnings).toEqual([
      expect.stringMatching(
        /^spec\.containers\[0\] \(app\) .*good:v1: WARN by policy admission: always\/always/,
      ),
    ]);
  });

  it('allows a Deployment whose images pass, with the warnings', async () => {
    const { answer } = await admit(
      service,
      review('Deployment', { spec: { template: { spec: { containers: [{ name: 'app', image: good }] } } } }),
    );
    expect(answer.response.allowed).toBe(true);
    expect(answer.response.status).toBeUndefined();
    expect(answer.response.warnings).toHaveLength(1);
  });

  it('analyzes an image never seen (an ephemeral container) within the deadline, then decides', async () => {
    const before = (await api(`/v1/images?fulltag=${encodeURIComponent(unseen)}`)) as { total: number };
    expect(before.total).toBe(0);
    const { answer } = await admit(
      service,
      review('Pod', { spec: { containers: [], ephemeralContainers: [{ name: 'debug', image: unseen }] } }),
    );
    expect(answer.response.allowed, JSON.stringify(answer)).toBe(true);
    expect(answer.response.warnings?.[0]).toContain('WARN by policy admission');
    const after = (await api(`/v1/images?fulltag=${encodeURIComponent(unseen)}`)) as {
      images: { analysis_status: string }[];
    };
    expect(after.images.map((i) => i.analysis_status)).toEqual(['analyzed']);
  });

  it('an image that cannot be checked is allowed with a warning when fail-open, denied when fail-closed', async () => {
    const missing = `${registry.host}/admission/missing:v1`;
    const body = review('Pod', { spec: { containers: [{ name: 'app', image: missing }] } });
    const open = await admit(service, body, 'fail-open');
    expect(open.answer.response.allowed).toBe(true);
    expect(open.answer.response.warnings).toEqual([
      expect.stringContaining(`spec.containers[0] (app) ${missing}: not checked, allowed (fail-open): `),
    ]);
    const closed = await admit(service, body, 'fail-closed');
    expect(closed.answer.response.allowed).toBe(false);
    expect(closed.answer.response.status?.message).toContain(`${missing}: not checked: `);
    const noImage = await admit(service, review('Pod', { spec: { containers: [{ name: 'x' }] } }));
    expect(noImage.answer.response.status?.message).toContain('the container names no image');
  });

  it('allows deletions and kinds without containers, and refuses a body that is not a review', async () => {
    const del = await admit(service, {
      ...review('Pod', undefined),
      request: { ...review('Pod', {}).request, operation: 'DELETE' },
    });
    expect(del.answer.response.allowed).toBe(true);
    const map = await admit(service, review('ConfigMap', { data: { a: 'b' } }));
    expect(map.answer.response.allowed).toBe(true);
    const res = await fetch(`${service.address}/v1/admission/fail-closed`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ kind: 'AdmissionReview', apiVersion: 'admission.k8s.io/v1beta1' }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain(
      'apiVersion must be admission.k8s.io/v1',
    );
    const mode = await fetch(`${service.address}/v1/admission/sometimes`, {
      method: 'POST',
      headers,
      body: '{}',
    });
    expect(mode.status).toBe(400);
  });

  it('decides by the failure mode when the deadline passes before the image is checked', async () => {
    const hurried = await startService({
      port: 0,
      dataDir: join(dir, 'hurried'),
      vulnDb: join(dir, 'no-vulns.db'),
      insecureRegistries: [registry.host],
      adminKey,
      logger: pino({ level: 'silent' }),
      admission: { deadlineMs: 1, pollMs: 1 },
      env: secretEnv,
    });
    try {
      const body = review('Pod', { spec: { containers: [{ name: 'app', image: good }] } });
      const closed = await admit(hurried, body, 'fail-closed');
      expect(closed.answer.response.allowed).toBe(false);
      expect(closed.answer.response.status?.message).toMatch(/not checked: .*admission deadline/);
      const open = await admit(hurried, body, 'fail-open');
      expect(open.answer.response.allowed).toBe(true);
      expect(open.answer.response.warnings?.[0]).toMatch(/allowed \(fail-open\): .*admission deadline/);
    } finally {
      await hurried.close();
    }
  });
});

describe('the admission webhook over TLS (as the API server calls it)', () => {
  it('serves HTTPS with --tls-cert/--tls-key and answers the review', async () => {
    const key = join(dir, 'tls.key');
    const cert = join(dir, 'tls.crt');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-keyout',
        key,
        '-out',
        cert,
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
      ],
      { stdio: 'ignore' },
    );
    const secure = await startService({
      port: 0,
      dataDir: join(dir, 'data-sqlite'),
      vulnDb: join(dir, 'no-vulns.db'),
      insecureRegistries: [registry.host],
      adminKey,
      logger: pino({ level: 'silent' }),
      tls: { keyFile: key, certFile: cert },
      env: secretEnv,
    });
    try {
      expect(secure.address).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      const body = JSON.stringify(review('Pod', { spec: { containers: [{ name: 'app', image: bad }] } }));
      const answer = await new Promise<ReviewAnswer>((resolve, reject) => {
        const req = httpsRequest(
          `${secure.address}/v1/admission/fail-closed`,
          { method: 'POST', ca: readFileSync(cert), headers },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as ReviewAnswer));
          },
        );
        req.on('error', reject);
        req.end(body);
      });
      expect(answer.response.allowed).toBe(false);
      expect(answer.response.status?.message).toContain('packages/blacklist');
    } finally {
      await secure.close();
    }
  });
});
