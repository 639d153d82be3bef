// The CLI as a client of a real API (buildApp over an SQLite store, listening on 127.0.0.1): the
// polyglot test image's SBOM and scan stored as an analyze-image job stores them, then the built
// `customs image|policy|feeds` commands run against it.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkReportFormat } from '../../src/policy/report/index.js';
import { reportFormat } from '../../src/report/registry.js';
import { scanSbom } from '../../src/scan/index.js';
import type { ScanReport } from '../../src/scan/types.js';
import { sbomImage } from '../../src/usecases/index.js';
import { openSqliteStore } from '../../src/vulndb/store/sqlite/index.js';
import { runCliAsync } from '../helpers/run-cli.js';
import { serviceStoreBackends } from '../helpers/service-store-backends.js';
import { everyImageBundle, LODASH_ADVISORY, writeLodashDatabase } from '../helpers/use-case-fixtures.js';
import { getTestImages } from '../images/index.js';
import { startApi, type ApiHarness } from '../server/api/api-harness.js';

const TAG = '127.0.0.1:5000/polyglot:v1';

/** A STOP rule on vulnerabilities of `packageType` at or above high. */
function vulnBundle(id: string, packageType: string): Record<string, unknown> {
  return {
    ...everyImageBundle([
      {
        id: 'r1',
        gate: 'vulnerabilities',
        trigger: 'package',
        action: 'STOP',
        params: [
          { name: 'package_type', value: packageType },
          { name: 'severity_comparison', value: '>=' },
          { name: 'severity', value: 'high' },
        ],
      },
    ]),
    id,
  };
}

describe('customs image|policy|feeds against a running service', () => {
  const polyglot = getTestImages().images.polyglot;
  const digest = polyglot.manifestDigest;
  let api: ApiHarness;
  let work: string;
  let env: NodeJS.ProcessEnv;
  let scan: ScanReport;
  let failingBundle: string;
  let passingBundle: string;

  const cli = (args: string[], extra: NodeJS.ProcessEnv = {}) => runCliAsync(args, { ...env, ...extra });

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'customs-client-'));
    const vulndb = path.join(work, 'vulndb.sqlite');
    await writeLodashDatabase(vulndb);
    api = await startApi((await serviceStoreBackends()).sqlite, { vulnData: vulndb });
    const address = await api.app.listen({ host: '127.0.0.1', port: 0 });
    env = { CUSTOMS_URL: address, CUSTOMS_API_KEY: api.adminKey };
    const accountId = (await api.store.accounts.byName('admin'))!.id;
    const { sbom } = await sbomImage(`oci-dir:${polyglot.ociDir}:${polyglot.tag}`);
    const vulns = openSqliteStore(vulndb, { readonly: true });
    scan = await scanSbom(sbom, vulns);
    await vulns.close();
    const at = new Date().toISOString();
    await api.store.images.upsert({
      accountId,
      digest,
      origin: { kind: 'registry', reference: `127.0.0.1:5000/polyglot@${digest}` },
      tag: { registry: '127.0.0.1:5000', repository: 'polyglot', tag: 'v1', fullTag: TAG },
      at,
    });
    await api.store.analyses.putSbom(digest, sbom, at);
    await api.store.analyses.putScan(digest, scan, at);
    await api.store.images.setStatus(digest, 'analyzed', { at });
    failingBundle = path.join(work, 'failing.json');
    await writeFile(failingBundle, JSON.stringify(vulnBundle('stop-high', 'all')));
    passingBundle = path.join(work, 'passing.json');
    await writeFile(passingBundle, JSON.stringify(vulnBundle('stop-high-os', 'os')));
  }, 300_000);

  afterAll(async () => {
    await api?.close();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('lists and shows the image, by tag and by digest', async () => {
    const table = await cli(['image', 'list']);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toMatch(new RegExp(`${digest}\\s+${TAG.replace(/\./g, '\\.')}\\s+analyzed`));
    const listed = await cli(['image', 'list', '-o', 'json']);
    expect(JSON.parse(listed.stdout).map((i: { imageDigest: string }) => i.imageDigest)).toEqual([digest]);
    const byTag = await cli(['image', 'get', TAG, '-o', 'json']);
    expect(byTag.code, byTag.stderr).toBe(0);
    expect(JSON.parse(byTag.stdout)).toMatchObject({ imageDigest: digest, analysis_status: 'analyzed' });
    const byDigest = await cli(['image', 'get', `127.0.0.1:5000/polyglot@${digest}`]);
    expect(byDigest.stdout).toContain(`digest    ${digest}`);
    const missing = await cli(['image', 'get', '127.0.0.1:5000/none:v9']);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim().split('\n')).toEqual([
      'customs: no image tagged 127.0.0.1:5000/none:v9 on the service (add it with `customs image add`)',
    ]);
  });

  it('renders the stored scan report in the local scan formats, --fail-on exiting 2', async () => {
    const asJson = await cli(['image', 'vuln', TAG, '-o', 'json']);
    expect(asJson.code, asJson.stderr).toBe(0);
    expect(asJson.stdout).toBe(reportFormat('json').encode(scan));
    expect(
      JSON.parse(asJson.stdout).matches.map((m: { vulnerability: { id: string } }) => m.vulnerability.id),
    ).toContain(LODASH_ADVISORY);
    const table = await cli(['image', 'vuln', digest]);
    expect(table.stdout).toBe(reportFormat('table').encode(scan));
    const sarif = path.join(work, 'report.sarif');
    const both = await cli([
      'image',
      'vuln',
      digest,
      '-o',
      `sarif=${sarif}`,
      '-o',
      'json',
      '--fail-on',
      'high',
    ]);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('at or above high (--fail-on high)');
    const { readFile } = await import('node:fs/promises');
    expect(await readFile(sarif, 'utf8')).toBe(reportFormat('sarif').encode(scan));
  });

  it('adds and activates policies, and checks with the local check formats and exit codes', async () => {
    const added = await cli(['policy', 'add', failingBundle]);
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toBe('stop-high stored\n');
    const addedActive = await cli(['policy', 'add', passingBundle, '--activate']);
    expect(addedActive.stdout).toBe('stop-high-os active\n');
    const list = await cli(['policy', 'list', '-o', 'json']);
    const policies = JSON.parse(list.stdout) as { policyId: string; active: boolean }[];
    expect(policies.map((p) => [p.policyId, p.active]).sort()).toEqual([
      ['stop-high', false],
      ['stop-high-os', true],
    ]);

    const pass = await cli(['image', 'check', TAG, '-o', 'json']);
    expect(pass.code, pass.stderr).toBe(0);
    expect(JSON.parse(pass.stdout)).toMatchObject({ status: 'pass', finalAction: 'go' });

    const fail = await cli(['image', 'check', TAG, '--policy-id', 'stop-high', '-o', 'json']);
    expect(fail.code, fail.stderr).toBe(2);
    const result = JSON.parse(fail.stdout);
    expect(result).toMatchObject({ status: 'fail', finalAction: 'stop' });
    // The same text the local encoder writes for that result.
    expect(fail.stdout).toBe(checkReportFormat('json').encode(result));
    const table = await cli(['image', 'check', digest, '--policy-id', 'stop-high']);
    expect(table.code).toBe(2);
    expect(table.stdout).toContain(LODASH_ADVISORY);

    const activated = await cli(['policy', 'activate', 'stop-high']);
    expect(activated.stdout).toBe('stop-high active\n');
    expect((await cli(['image', 'check', TAG, '-o', 'json'])).code).toBe(2);
    const unknown = await cli(['policy', 'activate', 'nope']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('adds an image (the analysis is queued) and waits until a timeout or a failure', async () => {
    const other = `sha256:${'d'.repeat(64)}`;
    const added = await cli(['image', 'add', `127.0.0.1:5000/other@${other}`]);
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toBe(`${other} not_analyzed\n`);
    expect(await api.queue.lastByKey('analyze-image', other)).toMatchObject({
      state: 'queued',
      data: { digest: other },
    });
    const started = Date.now();
    const wait = await cli(['image', 'wait', other, '--timeout', '1', '--interval', '0.2']);
    expect(wait.code).toBe(1);
    expect(wait.stderr).toBe(`customs: ${other} is still not_analyzed after 1 s\n`);
    expect(Date.now() - started).toBeLessThan(20_000);
    const addWait = await cli([
      'image',
      'add',
      `127.0.0.1:5000/other@${other}`,
      '--wait',
      '--timeout',
      '0.5',
    ]);
    expect(addWait.code).toBe(1);
    expect(addWait.stderr).toContain('is still not_analyzed after 0.5 s');

    await api.store.images.setStatus(other, 'analysis_failed', {
      at: new Date().toISOString(),
      failureReason: 'manifest unknown',
    });
    const failed = await cli(['image', 'wait', other]);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toBe(`customs: ${other}: analysis failed: manifest unknown\n`);
    const analysed = await cli(['image', 'wait', TAG, '--timeout', '1']);
    expect(analysed.code).toBe(0);
    expect(analysed.stdout).toBe(`${digest} analyzed\n`);
  });

  it('shows and syncs the feeds', async () => {
    const status = await cli(['feeds', 'status', '-o', 'json']);
    expect(status.code, status.stderr).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({ available: true, feeds: [{ name: 'test' }] });
    const sync = await cli(['feeds', 'sync']);
    expect(sync.code, sync.stderr).toBe(0);
    const jobId = /^sync queued: job (\S+)\n$/.exec(sync.stdout)?.[1];
    expect(jobId).toBeDefined();
    expect(await api.queue.get(jobId!)).toMatchObject({ name: 'sync-feeds', state: 'queued' });
  });

  it('says in one line, without the key, when the key is wrong or the service is unreachable', async () => {
    const wrongKey = 'cus_wrongkeyid_0123456789abcdefwrongsecret';
    for (const args of [
      ['image', 'list'],
      ['feeds', 'status'],
      ['image', 'vuln', TAG, '-o', 'json'],
    ]) {
      const r = await cli(args, { CUSTOMS_API_KEY: wrongKey });
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      const lines = r.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(
        /^customs: .*the API key is not valid \(check --api-key or CUSTOMS_API_KEY\)$/,
      );
      expect(r.stderr).not.toContain(wrongKey);
      expect(r.stderr).not.toContain('0123456789abcdef');
    }
    const byFlag = await cli(['policy', 'list', '--api-key', wrongKey], { CUSTOMS_API_KEY: '' });
    expect(byFlag.code).toBe(1);
    expect(byFlag.stderr).not.toContain(wrongKey);

    const unreachable = await cli(['image', 'list'], { CUSTOMS_URL: 'http://127.0.0.1:1' });
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toBe(
      'customs: cannot reach the Customs service at http://127.0.0.1:1: ECONNREFUSED (check --url or CUSTOMS_URL)\n',
    );
    expect(unreachable.stderr).not.toContain(api.adminKey);
    const noUrl = await cli(['image', 'list'], { CUSTOMS_URL: '' });
    expect(noUrl.code).toBe(1);
    expect(noUrl.stderr).toBe('customs: no Customs service: give --url or set CUSTOMS_URL\n');
  });
});
