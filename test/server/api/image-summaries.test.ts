import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordTrends } from '../../../src/server/worker/image-trends.js';
import { vulnMatch } from '../../helpers/policy-sbom.js';
import { everyImageBundle } from '../../helpers/use-case-fixtures.js';
import { digestOf, sbomWith, scanWith } from '../store/fixtures.js';
import { apiBackends, bearer, startApi, type ApiHarness } from './api-harness.js';

const backends = await apiBackends();

const BUNDLE = {
  ...everyImageBundle([
    {
      id: 'critical',
      gate: 'vulnerabilities',
      trigger: 'package',
      action: 'STOP',
      params: [
        { name: 'package_type', value: 'all' },
        { name: 'severity_comparison', value: '>=' },
        { name: 'severity', value: 'critical' },
      ],
    },
  ]),
  id: 'summary-bundle',
};

const T0 = '2026-03-01T10:00:00.000Z';

describe.each(backends)('image summaries on the image routes ($name)', (backend) => {
  let api: ApiHarness;
  let headers: Record<string, string>;
  const checked = digestOf('c1');
  const plain = digestOf('c2');

  beforeAll(async () => {
    api = await startApi(backend);
    headers = bearer(api.adminKey);
    const admin = (await api.store.accounts.byName('admin'))!;
    for (const digest of [checked, plain])
      await api.store.images.upsert({
        accountId: admin.id,
        digest,
        origin: { kind: 'sbom' },
        tag: {
          registry: 'r.example',
          repository: 'app',
          tag: digest.slice(-2),
          fullTag: `r.example/app:${digest.slice(-2)}`,
        },
        at: T0,
      });
    // What a worker stores: the SBOM and a scan with a critical KEV match and a high one.
    const scan = scanWith(['CVE-2024-0002', 'openssl']);
    scan.matches.push({
      ...vulnMatch('CVE-2024-0001', 'critical', 'fixed'),
      vulnerability: { ...vulnMatch('CVE-2024-0001', 'critical', 'fixed').vulnerability, kev: true },
    } as never);
    await api.store.analyses.putSbom(checked, sbomWith(['openssl', '1']), T0);
    await api.store.analyses.putScan(checked, scan, T0);
    await api.store.images.setStatus(checked, 'analyzed', { at: T0 });
    const put = await api.app.inject({ method: 'POST', url: '/v1/policies', headers, payload: BUNDLE });
    expect(put.statusCode, put.body).toBe(200);
    expect(
      (
        await api.app.inject({
          method: 'PUT',
          url: '/v1/policies/summary-bundle?active=true',
          headers,
          payload: {},
        })
      ).statusCode,
    ).toBe(200);
  });

  afterAll(async () => {
    await api?.close();
  });

  it('answers the last policy result, grade and counts of an evaluated image, and none for the rest', async () => {
    const check = await api.app.inject({ url: `/v1/images/${checked}/check`, headers });
    expect(check.statusCode, check.body).toBe(200);
    const evaluation = check.json() as {
      final_action: string;
      evaluated_at: string;
      feed_state: string;
      result: { grade?: { grade: string } };
    };
    expect(evaluation.final_action).toBe('stop');
    const admin = (await api.store.accounts.byName('admin'))!;
    await recordTrends(
      api.store,
      checked,
      '2026-03-01T10:05:00.000Z',
      new Map([
        [admin.id, { finalAction: 'stop', policyId: 'summary-bundle', feedState: evaluation.feed_state }],
      ]),
    );

    const expected = {
      grade: evaluation.result.grade!.grade,
      policy: {
        policy_id: 'summary-bundle',
        tag: 'r.example/app:c1',
        final_action: 'stop',
        status: 'fail',
        gate: 'vulnerabilities',
        trigger: 'package',
        evaluated_at: evaluation.evaluated_at,
      },
      vulnerabilities: {
        counts: { critical: 1, high: 1, medium: 0, low: 0, negligible: 0, unknown: 0 },
        kev: 1,
        recorded_at: '2026-03-01T10:05:00.000Z',
      },
    };
    expect(expected.grade).toMatch(/^[A-F]$/);
    const one = await api.app.inject({ url: `/v1/images/${checked}`, headers });
    expect(one.json().summary).toEqual(expected);
    const list = await api.app.inject({ url: '/v1/images?limit=10', headers });
    expect(list.statusCode).toBe(200);
    const images = list.json().images as { imageDigest: string; summary?: unknown }[];
    expect(images.find((i) => i.imageDigest === checked)?.summary).toEqual(expected);
    const other = images.find((i) => i.imageDigest === plain)!;
    expect(other).toBeDefined();
    expect('summary' in other).toBe(false);
  });

  it('documents the summary in the OpenAPI document', async () => {
    const doc = (await api.app.inject({ url: '/openapi.json' })).json() as {
      components: { schemas: Record<string, { properties: Record<string, unknown> }> };
    };
    const schemas = doc.components.schemas;
    const image = Object.values(schemas).find((s) => s.properties?.imageDigest && s.properties?.summary);
    expect(image, 'an Image schema with a summary').toBeDefined();
  });
});
