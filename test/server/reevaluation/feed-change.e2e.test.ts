// The "done means" for re-evaluation: the embedded service (its own workers and delivery
// loop), two analysed images and a webhook receiver on loopback. New vulnerability data touching
// one image's package is imported by a feed sync: the receiver gets that image's vuln_update (the
// exact diff) and policy_eval (go → stop), and the other image is not evaluated again.
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startService, type RunningService } from '../../../src/server/app/start-service.js';
import { verifySignature } from '../../../src/server/notifications/signature.js';
import { runCliAsync } from '../../helpers/run-cli.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { everyImageBundle } from '../../helpers/use-case-fixtures.js';
import { startRegistry, type RunningRegistry } from '../../registry/registry-harness.js';
import { Receiver } from '../notifications/receiver.js';
import { addImageAndWait, pushNpmImage, waitFor } from '../workers/worker-fixtures.js';

const dir = tempDir('customs-feed-change-');
const adminKey = `cus_${randomBytes(8).toString('hex')}_${randomBytes(24).toString('base64url')}`;
const headers = { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' };
let registry: RunningRegistry;
let service: RunningService;
let receiver: Receiver;

const osv = (id: string, name: string, fixed: string) => ({
  schema_version: '1.4.0',
  id,
  modified: '2026-01-01T00:00:00Z',
  summary: `test record for ${name}`,
  severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' }],
  affected: [
    {
      package: { ecosystem: 'npm', name },
      ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed }] }],
    },
  ],
});

const BUNDLE = {
  ...everyImageBundle(
    [
      {
        id: 'high',
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
    'feed change',
  ),
  id: 'feed-change',
};

async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(`${service.address}${path}`, { headers, ...init });
  expect(res.status, `${init.method ?? 'GET'} ${path}`).toBeLessThan(300);
  return (await res.json()) as T;
}

async function pushNpm(name: string, pkg: string, version: string): Promise<string> {
  const ref = `${registry.host}/feeds/${name}:v1`;
  await pushNpmImage(join(dir, name), ref, pkg, version);
  return ref;
}

const addAndWait = (ref: string): Promise<string> => addImageAndWait(service.address, headers, ref);

const evaluations = async (digest: string) =>
  (await call<{ total: number }>(`/v1/images/${digest}/check/history?limit=1`)).total;

let touchedRef: string;
let touched: string;
let untouched: string;

beforeAll(async () => {
  registry = await startRegistry();
  receiver = await new Receiver([200]).start();
  // The data before: one record for a package neither image has. The feed folder holds it again,
  // unchanged, and a new record for the package one image has.
  const before = join(dir, 'before');
  const feeds = join(dir, 'feeds');
  mkdirSync(before);
  mkdirSync(feeds);
  writeFileSync(
    join(before, 'GHSA-test-other.json'),
    JSON.stringify(osv('GHSA-test-other', 'left-pad', '9.0.0')),
  );
  writeFileSync(
    join(feeds, 'GHSA-test-other.json'),
    JSON.stringify(osv('GHSA-test-other', 'left-pad', '9.0.0')),
  );
  writeFileSync(
    join(feeds, 'GHSA-test-lodash.json'),
    JSON.stringify(osv('GHSA-test-lodash', 'lodash', '4.17.12')),
  );
  const vulnDb = join(dir, 'vulns.db');
  const imported = await runCliAsync(['db', 'import', before, '--db', vulnDb]);
  expect(imported.code, imported.stderr).toBe(0);
  service = await startService({
    port: 0,
    dataDir: join(dir, 'data'),
    vulnDb,
    insecureRegistries: [registry.host],
    adminKey,
    feeds: { importPaths: [feeds] },
    notifications: { allowedHosts: ['127.0.0.1'] },
    logger: pino({ level: 'silent' }),
    env: { CUSTOMS_SECRET_KEY: randomBytes(32).toString('base64') },
  });
  await call('/v1/policies', { method: 'POST', body: JSON.stringify(BUNDLE) });
  await call('/v1/policies/feed-change?active=true', { method: 'PUT', body: '{}' });
  touchedRef = await pushNpm('touched', 'lodash', '4.17.11');
  touched = await addAndWait(touchedRef);
  untouched = await addAndWait(await pushNpm('untouched', 'is-number', '7.0.0'));
}, 90_000);

afterAll(async () => {
  await service?.close();
  await registry?.stop();
  await receiver?.stop();
});

describe('new vulnerability data', () => {
  it('tells the touched image’s vuln_update and policy_eval, and leaves the other image alone', async () => {
    const { id: webhookId, secret } = await call<{ id: string; secret: string }>('/v1/webhooks', {
      method: 'POST',
      body: JSON.stringify({ name: 'receiver', url: receiver.url }),
    });
    for (const type of ['vuln_update', 'policy_eval'])
      await call('/v1/subscriptions', {
        method: 'POST',
        body: JSON.stringify({ type, webhook_id: webhookId }),
      });
    // Both images are evaluated once by the analysis; the touched one passes (no matching data yet).
    await waitFor('the first evaluations', async () =>
      (await evaluations(touched)) >= 1 && (await evaluations(untouched)) >= 1 ? true : undefined,
    );
    const untouchedBefore = await evaluations(untouched);
    const touchedBefore = await evaluations(touched);
    await call('/v1/system/feeds', { method: 'POST', body: '{}' });

    const delivered = await waitFor(
      'the vuln_update and policy_eval deliveries',
      async () => (receiver.received.length >= 2 ? receiver.received : undefined),
      60_000,
    );
    await new Promise((r) => setTimeout(r, 1500)); // nothing more arrives
    expect(receiver.received).toHaveLength(2);
    for (const r of delivered)
      expect(
        verifySignature({ secret, body: r.body, header: r.headers['customs-signature'] as string }),
      ).toMatchObject({ valid: true });
    const byType = new Map(
      delivered.map((r) => [
        r.headers['customs-event-type'],
        JSON.parse(r.body) as { payload: Record<string, unknown> },
      ]),
    );
    expect(byType.get('vuln_update')?.payload).toMatchObject({
      digest: touched,
      fullTags: [touchedRef],
      added: [
        expect.objectContaining({
          vulnerabilityId: 'GHSA-test-lodash',
          packageName: 'lodash',
          packageVersion: '4.17.11',
          packageType: 'npm',
          fixVersions: ['4.17.12'],
        }),
      ],
      removed: [],
      updated: [],
    });
    expect(byType.get('policy_eval')?.payload).toMatchObject({
      digest: touched,
      fullTag: touchedRef,
      policyId: 'feed-change',
      previousAction: 'go',
      action: 'stop',
    });
    // Counted: the touched image was evaluated once more, the other not at all.
    expect(await evaluations(touched)).toBe(touchedBefore + 1);
    expect(await evaluations(untouched)).toBe(untouchedBefore);
  }, 90_000);
});
