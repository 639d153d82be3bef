// The service end to end, as a user runs it: the polyglot test image pushed by tag to a local
// registry, `customs serve` (the built CLI) in embedded mode (SQLite, in-process worker) and on
// PostgreSQL with one `customs worker`, driven by the CLI client (`customs policy add`, `customs
// image add --wait|vuln|check`) and the API. What the service stores and answers equals what the
// local `customs scan|check|sbom` give for the same registry reference and vulnerability database.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScratchDatabase } from '../../src/vulndb/store/testing/scratch-postgres.js';
import { CUSTOMS_BIN, runCliAsync, type CliResult } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';
import { everyImageBundle } from '../helpers/use-case-fixtures.js';
import { getTestImages } from '../images/index.js';
import { freePort, startRegistry, stopChild, type RunningRegistry } from '../registry/registry-harness.js';
import { pushOci, waitFor } from '../server/workers/worker-fixtures.js';

const LODASH = 'GHSA-test-lodash-0001';

/** Debian tracker data for the image's ruby-rack deb: one fixed CVE, one open. */
const TRACKER = {
  'ruby-rack': {
    'CVE-2099-0001': {
      releases: {
        bookworm: { status: 'resolved', fixed_version: '2.2.22-0+deb12u99', urgency: 'medium' },
      },
    },
    'CVE-2099-0002': { releases: { bookworm: { status: 'open', urgency: 'low' } } },
  },
};

/** An OSV record: npm lodash < 4.17.12, CVSS 3.1 7.4 (high). */
const OSV = {
  schema_version: '1.4.0',
  id: LODASH,
  modified: '2024-01-01T00:00:00Z',
  published: '2019-07-10T00:00:00Z',
  aliases: ['CVE-2019-10744'],
  summary: 'Prototype pollution in lodash (test record)',
  severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:H/A:H' }],
  affected: [
    {
      package: { ecosystem: 'npm', name: 'lodash' },
      ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '4.17.12' }] }],
    },
  ],
};

/** STOP on high or worse; WARN on any OS-package vulnerability with a fix; WARN always. */
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
      {
        id: 'os-fixable',
        gate: 'vulnerabilities',
        trigger: 'package',
        action: 'WARN',
        params: [
          { name: 'package_type', value: 'os' },
          { name: 'severity_comparison', value: '>=' },
          { name: 'severity', value: 'unknown' },
          { name: 'fix_available', value: 'true' },
        ],
      },
      { id: 'always', gate: 'always', trigger: 'always', action: 'WARN', params: [] },
    ],
    'e2e bundle',
  ),
  id: 'e2e-bundle',
};

interface Match {
  vulnerability: { id: string; fix: { state: string; versions: string[] } };
  package: { name: string; version: string; type: string };
}
interface ScanJson {
  descriptor: { timestamp: string };
  source: Record<string, unknown>;
  matches: Match[];
}
interface CheckJson {
  evaluatedAt: string;
  sourceReference: string;
  status: string;
  finalAction: string;
  findings: { gate: string; trigger: string; action: string; message: string }[];
}
interface Pkg {
  name: string;
  version: string;
  type: string;
}

const matchKeys = (report: ScanJson): string[] =>
  report.matches
    .map((m) =>
      [
        m.vulnerability.id,
        m.package.type,
        m.package.name,
        m.package.version,
        m.vulnerability.fix.state,
        m.vulnerability.fix.versions.join(','),
      ].join(' '),
    )
    .sort();

/**
 * The report without what legitimately differs between two scans of one image: the descriptor's
 * timestamp (when each ran), and the source's `reference` and `tags` (the local scan read the tag
 * it was given; the service resolved the tag to a digest when it was added and pulled
 * `<repo>@<digest>`, so a later push to the tag cannot change what it analysed). Everything else
 * — the rest of the source (digests, layers), distro, matches, database, coverage, warnings —
 * must be equal.
 */
const stable = (report: ScanJson): unknown => {
  const { reference: _reference, tags: _tags, ...source } = report.source;
  return { ...report, descriptor: { ...report.descriptor, timestamp: '' }, source };
};

const findingKeys = (report: CheckJson): string[] =>
  report.findings.map((f) => [f.gate, f.trigger, f.action, f.message].join(' | ')).sort();

interface Proc {
  child: ChildProcess;
  lines: string[];
}

function startCli(args: string[], env: NodeJS.ProcessEnv): Proc {
  const child = spawn(process.execPath, [CUSTOMS_BIN, ...args], {
    env: { ...process.env, CUSTOMS_DEBUG: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  for (const stream of [child.stdout!, child.stderr!])
    stream.on('data', (chunk: Buffer) => lines.push(...chunk.toString('utf8').split('\n').filter(Boolean)));
  return { child, lines };
}

const json = <T>(result: CliResult): T => {
  expect(result.code === 0 || result.code === 2, result.stderr).toBe(true);
  return JSON.parse(result.stdout) as T;
};

const dir = tempDir('customs-service-e2e-');
const vulnDb = join(dir, 'vulns.db');
const bundleFile = join(dir, 'bundle.json');
const { polyglot } = getTestImages().images;
const scratch = await createScratchDatabase();
let registry: RunningRegistry;
let ref: string;
// The local commands: their own layer cache, the same database and registry as the service.
let local: { scan: ScanJson; check: CheckJson; checkCode: number | null; packages: Pkg[] };

beforeAll(async () => {
  registry = await startRegistry();
  ref = `${registry.host}/e2e/polyglot:v1`;
  writeFileSync(join(dir, 'tracker.json'), JSON.stringify(TRACKER));
  writeFileSync(join(dir, 'osv.json'), JSON.stringify(OSV));
  writeFileSync(bundleFile, JSON.stringify(BUNDLE));
  const [imported] = await Promise.all([
    runCliAsync(['db', 'import', join(dir, 'tracker.json'), join(dir, 'osv.json'), '--db', vulnDb]),
    pushOci(polyglot.ociDir, polyglot.tag, ref),
  ]);
  expect(imported.code, imported.stderr).toBe(0);
  const env = { CUSTOMS_CACHE_DIR: join(dir, 'local-cache') };
  const source = ['registry:' + ref, '--insecure-registry', registry.host, '-q'];
  const sbom = await runCliAsync(['sbom', ...source, '-o', 'json'], env);
  const [scan, check] = await Promise.all([
    runCliAsync(['scan', ...source, '--db', vulnDb, '-o', 'json'], env),
    runCliAsync(['check', ...source, '--db', vulnDb, '--policy', bundleFile, '-o', 'json'], env),
  ]);
  local = {
    scan: json<ScanJson>(scan),
    check: json<CheckJson>(check),
    checkCode: check.code,
    packages: json<{ packages: Pkg[] }>(sbom).packages,
  };
  // The database gives real matches of each kind on the image: an npm one, a fixed and an open deb one.
  expect(matchKeys(local.scan)).toEqual([
    'CVE-2099-0001 deb ruby-rack 2.2.22-0+deb12u1 fixed 2.2.22-0+deb12u99',
    'CVE-2099-0002 deb ruby-rack 2.2.22-0+deb12u1 not-fixed ',
    `${LODASH} npm lodash 4.17.11 fixed 4.17.12`,
  ]);
  expect(local.check.finalAction).toBe('stop');
  expect(findingKeys(local.check).map((f) => f.split(' | ').slice(0, 3).join(' '))).toEqual([
    'always always warn',
    'vulnerabilities package stop',
    'vulnerabilities package warn',
  ]);
  expect(local.checkCode).toBe(2);
}, 60_000);

afterAll(async () => {
  await registry?.stop();
  await scratch?.drop();
});

/** `customs serve` with `serveArgs` (plus `workerArgs` for each `customs worker`), the flow, the comparisons. */
function serviceFlow(name: string, serveArgs: () => string[], workerArgs?: () => string[]): void {
  describe(name, () => {
    const procs: Proc[] = [];
    let env: NodeJS.ProcessEnv;
    let base: string;
    const cli = (args: string[]) => runCliAsync(args, env);

    beforeAll(async () => {
      const port = await freePort();
      base = `http://127.0.0.1:${port}`;
      // Embedded, serve makes its secret key in the data dir; serve and a worker share one.
      const secrets = workerArgs ? { CUSTOMS_SECRET_KEY: randomBytes(32).toString('base64') } : {};
      const common = ['--vuln-db', vulnDb, '--insecure-registry', registry.host];
      const serve = startCli(['serve', '--port', String(port), ...serveArgs(), ...common], secrets);
      procs.push(serve);
      // First start: serve prints the admin key once, on the line after it says so.
      const adminKey = await waitFor(
        'the admin key on serve’s first start',
        async () => {
          const at = serve.lines.findIndex((l) => l.includes('its API key, shown only this once'));
          return at >= 0 ? serve.lines[at + 1] : undefined;
        },
        20_000,
        50,
      );
      expect(adminKey).toMatch(/^cus_/);
      if (workerArgs) procs.push(startCli(['worker', ...workerArgs(), ...common], secrets));
      env = { CUSTOMS_URL: base, CUSTOMS_API_KEY: adminKey };
    }, 30_000);

    afterAll(async () => {
      for (const proc of procs.reverse()) await stopChild(proc.child);
    });

    it('analyses the pushed tag and answers as the local scan, check and sbom do', async () => {
      const policy = await cli(['policy', 'add', bundleFile, '--activate']);
      expect(policy.code, policy.stderr).toBe(0);
      expect(policy.stdout).toBe('e2e-bundle active\n');
      const added = await cli(['image', 'add', ref, '--wait', '--interval', '0.2', '--timeout', '40']);
      expect(added.code, added.stderr + procs.map((p) => p.lines.join('\n')).join('\n')).toBe(0);
      expect(added.stdout).toContain('analyzed');
      // With --database-url, serve only answers the API: the worker process analysed the image.
      if (workerArgs) expect(procs[1]!.lines.some((l) => l.includes('analyzing image'))).toBe(true);
      const image = json<{ imageDigest: string; analysis_status: string }>(
        await cli(['image', 'get', ref, '-o', 'json']),
      );
      expect(image).toMatchObject({ imageDigest: polyglot.manifestDigest, analysis_status: 'analyzed' });

      const vuln = json<ScanJson>(await cli(['image', 'vuln', ref, '-o', 'json']));
      expect(matchKeys(vuln)).toEqual(matchKeys(local.scan));
      expect(stable(vuln)).toEqual(stable(local.scan));
      expect(vuln.source['reference']).toBe(`${ref.replace(/:v1$/, '')}@${polyglot.manifestDigest}`);

      const check = await cli(['image', 'check', ref, '-o', 'json']);
      const remote = json<CheckJson>(check);
      expect(check.code).toBe(local.checkCode);
      expect(remote.finalAction).toBe(local.check.finalAction);
      expect(remote.status).toBe(local.check.status);
      expect(findingKeys(remote)).toEqual(findingKeys(local.check));
      // The whole report but when it was evaluated, and the reference read (the digest, as above).
      const stableCheck = (r: CheckJson) => ({ ...r, evaluatedAt: '', sourceReference: '' });
      expect(stableCheck(remote)).toEqual(stableCheck(local.check));
      expect(remote.sourceReference).toBe(vuln.source['reference']);

      const headers = { authorization: `Bearer ${env['CUSTOMS_API_KEY']}` };
      const listed: Pkg[] = [];
      for (const ctype of ['os', 'npm', 'python', 'java', 'gem', 'go', 'binary', 'rust', 'php', 'dotnet']) {
        const res = await fetch(`${base}/v1/images/${image.imageDigest}/content/${ctype}`, { headers });
        expect(res.status).toBe(200);
        const body = (await res.json()) as { content: { package: string; version: string; type: string }[] };
        listed.push(...body.content.map((p) => ({ name: p.package, version: p.version, type: p.type })));
      }
      const key = (p: Pkg) => `${p.type} ${p.name} ${p.version}`;
      const localKeys = local.packages.map(key).sort();
      expect(localKeys.length).toBeGreaterThan(200);
      expect(listed.map(key).sort()).toEqual(localKeys);
    }, 60_000);
  });
}

serviceFlow('customs serve, embedded (SQLite and an in-process worker)', () => [
  '--data-dir',
  join(dir, 'embedded'),
]);

describe.skipIf(!scratch)('on PostgreSQL', () => {
  serviceFlow(
    'customs serve --database-url and one customs worker',
    () => ['--database-url', scratch!.url, '--data-dir', join(dir, 'pg-api')],
    () => ['--database-url', scratch!.url, '--data-dir', join(dir, 'pg-worker')],
  );
});
