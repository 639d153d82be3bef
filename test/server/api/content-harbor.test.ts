// Content, vulnerability, check and Harbor routes over a stored SBOM and scan of the real
// polyglot test image (made with the library, as an analyze-image job would store them).
import { HARBOR_SPEC_REPORT as SPEC_REPORT } from '../../helpers/harbor-spec.js';
import path from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HARBOR_MIME } from '../../../src/server/harbor/mime-types.js';
import { scanSbom } from '../../../src/scan/index.js';
import { sbomImage } from '../../../src/usecases/index.js';
import { openSqliteStore } from '../../../src/vulndb/store/sqlite/index.js';
import { everyImageBundle, LODASH_ADVISORY, writeLodashDatabase } from '../../helpers/use-case-fixtures.js';
import { getTestImages } from '../../images/index.js';
import { tempDir } from '../../helpers/temp-dir.js';
import type { Sbom } from '../../../src/model/sbom.js';
import type { ScanReport } from '../../../src/scan/index.js';
import { apiBackends, bearer, jobCount, openJob, startApi, type ApiHarness } from './api-harness.js';

// The spec's HarborVulnerabilityReport (pluggable scanner spec v1.2), as JSON Schema.

const backends = await apiBackends();
const polyglot = getTestImages().images.polyglot;
const digest = polyglot.manifestDigest;
const shared = tempDir('customs-api-vulndb-');

/** The polyglot image's SBOM and scan against the lodash database, made once for every backend. */
let analysis: Promise<{ sbom: Sbom; scan: ScanReport; vulndb: string }> | undefined;
function analyse(dir: string) {
  analysis ??= (async () => {
    const vulndb = path.join(dir, 'vulndb.sqlite');
    await writeLodashDatabase(vulndb);
    const { sbom } = await sbomImage(`oci-dir:${polyglot.ociDir}:${polyglot.tag}`);
    const vulns = openSqliteStore(vulndb, { readonly: true });
    const scan = await scanSbom(sbom, vulns);
    await vulns.close();
    return { sbom, scan, vulndb };
  })();
  return analysis;
}

describe.each(backends)(
  'content, vulnerabilities, checks and the Harbor adapter on a real image ($name)',
  (backend) => {
    let api: ApiHarness;
    let headers: Record<string, string>;
    let accountId: string;

    beforeAll(async () => {
      const { sbom, scan, vulndb } = await analyse(shared);
      api = await startApi(backend, { vulnData: vulndb });
      headers = bearer(api.adminKey);
      accountId = (await api.store.accounts.byName('admin'))!.id;
      const at = new Date().toISOString();
      await api.store.images.upsert({
        accountId,
        digest,
        origin: {
          kind: 'registry',
          reference: `127.0.0.1:5000/polyglot@${digest}`,
          sealedCredentials: 'sbx1.secret',
        },
        tag: {
          registry: '127.0.0.1:5000',
          repository: 'polyglot',
          tag: 'v1',
          fullTag: '127.0.0.1:5000/polyglot:v1',
        },
        at,
      });
      await api.store.analyses.putSbom(digest, sbom, at);
      await api.store.analyses.putScan(digest, scan, at);
      await api.store.images.setStatus(digest, 'analyzed', { at });
    }, 300_000);

    afterAll(async () => {
      await api?.close();
    });

    it('lists OS and npm packages, secrets redacted, and the Dockerfile', async () => {
      const os = (await api.app.inject({ url: `/v1/images/${digest}/content/os`, headers })).json();
      const names = (os.content as { package: string; type: string }[]).map((p) => p.package);
      for (const apt of polyglot.expected.aptPackages) expect(names).toContain(apt);
      const npm = (await api.app.inject({ url: `/v1/images/${digest}/content/npm`, headers })).json();
      expect(npm.content).toEqual(
        expect.arrayContaining([expect.objectContaining({ package: 'lodash', version: '4.17.11' })]),
      );
      const secrets = await api.app.inject({ url: `/v1/images/${digest}/content/secrets`, headers });
      const token = polyglot.expected.secrets.find((s) => s.value !== undefined)!.value!;
      expect(secrets.json().content.length).toBeGreaterThan(0);
      expect(secrets.body).not.toContain(token);
      const dockerfile = (
        await api.app.inject({ url: `/v1/images/${digest}/metadata/dockerfile`, headers })
      ).json();
      expect(dockerfile.metadata).toContain('EXPOSE');
      const image = await api.app.inject({ url: `/v1/images/${digest}`, headers });
      expect(image.json().image_detail[0].fulltag).toBe('127.0.0.1:5000/polyglot:v1');
      expect(image.body).not.toContain('sbx1.secret');
    });

    it('splits vulnerabilities into os and non-os, with the fix state', async () => {
      const nonOs = (await api.app.inject({ url: `/v1/images/${digest}/vuln/non-os`, headers })).json();
      expect(nonOs.vulnerabilities).toEqual([
        expect.objectContaining({
          vuln: LODASH_ADVISORY,
          package_name: 'lodash',
          fix: '4.17.12',
          fix_state: 'fixed',
        }),
      ]);
      const os = (await api.app.inject({ url: `/v1/images/${digest}/vuln/os`, headers })).json();
      expect(os.vulnerabilities).toEqual([]);
      const byVuln = (
        await api.app.inject({
          url: `/v1/query/images/by_vulnerability?vulnerability_id=${LODASH_ADVISORY}`,
          headers,
        })
      ).json();
      expect(byVuln.images.map((i: { imageDigest: string }) => i.imageDigest)).toEqual([digest]);
    });

    it('checks the stored analysis with the active bundle and keeps the history', async () => {
      const bundle = everyImageBundle([
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
      ]);
      const added = await api.app.inject({ method: 'POST', url: '/v1/policies', headers, payload: bundle });
      expect(added.statusCode, added.body).toBe(200);
      const activated = await api.app.inject({ method: 'PUT', url: '/v1/policies/b?active=true', headers });
      expect(activated.statusCode, activated.body).toBe(200);
      const check = await api.app.inject({
        url: `/v1/images/${digest}/check?tag=127.0.0.1:5000/polyglot:v1`,
        headers,
      });
      expect(check.statusCode, check.body).toBe(200);
      expect(check.json()).toMatchObject({ final_action: 'stop', status: 'fail', policyId: 'b' });
      const history = (await api.app.inject({ url: `/v1/images/${digest}/check/history`, headers })).json();
      expect(history.total).toBe(1);
    });

    it('serves a Harbor client: metadata, scan request, report polled until 200', async () => {
      const metadata = await api.app.inject({ url: '/api/v1/metadata', headers });
      expect(metadata.headers['content-type']).toContain('application/vnd.scanner.adapter.metadata+json');
      expect(metadata.json().capabilities[0].produces_mime_types).toContain(HARBOR_MIME.vulnerabilityReport);
      const other = `sha256:${'c'.repeat(64)}`;
      const scan = await api.app.inject({
        method: 'POST',
        url: '/api/v1/scan',
        headers: { ...headers, 'content-type': HARBOR_MIME.scanRequest },
        payload: JSON.stringify({
          registry: {
            url: 'http://127.0.0.1:5000',
            authorization: `Basic ${Buffer.from('robot$x:robotpw').toString('base64')}`,
          },
          artifact: { repository: 'polyglot', digest: other, tag: 'v2', mime_type: HARBOR_MIME.ociManifest },
        }),
      });
      expect(scan.statusCode, scan.body).toBe(202);
      const { id } = scan.json() as { id: string };
      expect(await jobCount(api.queue, 'analyze-image')).toBe(1);
      const job = await openJob(api.queue, 'analyze-image', { digest: other, accountId }, other);
      expect(job).toMatchObject({ state: 'queued', data: { digest: other, accountId } });
      const origin = (await api.store.images.get(accountId, other))!.origin;
      expect(origin).toMatchObject({ kind: 'registry', insecure: true });
      expect(JSON.stringify(origin)).not.toContain('robotpw');
      const poll = () =>
        api.app.inject({
          url: `/api/v1/scan/${id}/report`,
          headers: { ...headers, accept: HARBOR_MIME.vulnerabilityReport },
        });
      const pending = await poll();
      expect(pending.statusCode).toBe(302);
      expect(pending.headers['refresh-after']).toBe('5');
      // The worker's effect: the same analysis as the first image's.
      const at = new Date().toISOString();
      await api.store.analyses.putScan(other, (await api.store.analyses.getScan(digest))!.scan, at);
      await api.store.images.setStatus(other, 'analyzed', { at });
      const done = await poll();
      expect(done.statusCode).toBe(200);
      expect(done.headers['content-type']).toBe(HARBOR_MIME.vulnerabilityReport);
      const report = JSON.parse(done.body);
      const validate = new Ajv({ strict: false }).compile(SPEC_REPORT);
      expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
      expect(report.vulnerabilities.map((v: { id: string }) => v.id)).toContain(LODASH_ADVISORY);
      await api.store.images.setStatus(other, 'analysis_failed', { at, failureReason: 'manifest unknown' });
      const failed = await poll();
      expect(failed.statusCode).toBe(500);
      expect(failed.json().error.message).toBe('manifest unknown');
      const unacceptable = await api.app.inject({
        url: `/api/v1/scan/${id}/report`,
        headers: { ...headers, accept: 'text/html' },
      });
      expect(unacceptable.statusCode).toBe(501);
    });
  },
);
