// `customs check` end to end: the built bin/customs on the real polyglot image (USER appuser,
// EXPOSE 22/tcp 3000/tcp, a setuid shell at /usr/local/bin/suid-sh). No vulnerability database:
// --db points at a file that does not exist, so the checks do not depend on the user cache.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';
import { getTestImages } from '../images/index.js';

const root = tempDir();
const noDb = join(root, 'no-such-db.sqlite');
const { polyglot } = getTestImages().images;
const image = `oci-dir:${polyglot.ociDir}:${polyglot.tag}`;

type Rule = {
  id: string;
  gate: string;
  trigger: string;
  action: string;
  params: { name: string; value: string }[];
};

function writeBundle(name: string, rules: Rule[], extra: Record<string, unknown> = {}): string {
  const file = join(root, `${name}.json`);
  const bundle = {
    id: name,
    version: '1_0',
    policies: [{ id: 'p1', version: '1_0', rules }],
    mappings: [
      {
        id: 'all',
        registry: '*',
        repository: '*',
        image: { type: 'tag', value: '*' },
        policy_ids: ['p1'],
        whitelist_ids: [],
      },
    ],
    ...extra,
  };
  writeFileSync(file, JSON.stringify(bundle));
  return file;
}

const port22: Rule = {
  id: 'no-ssh',
  gate: 'dockerfile',
  trigger: 'exposed_ports',
  action: 'STOP',
  params: [
    { name: 'ports', value: '22' },
    { name: 'type', value: 'blacklist' },
  ],
};
const nameWarn: Rule = {
  id: 'os-release',
  gate: 'files',
  trigger: 'name_match',
  action: 'WARN',
  // Not a notable file: only in the inventory because name_match asks for every file.
  params: [{ name: 'regex', value: '^/etc/os-release$' }],
};

function check(args: string[]) {
  return runCli(['check', image, '--db', noDb, '-q', ...args]);
}

describe('customs check', () => {
  it('STOPs on exposed port 22: exit 2, the finding in json, the table on stdout', () => {
    const bundle = writeBundle('stop-22', [port22]);
    const jsonFile = join(root, 'stop.json');
    const r = check(['--policy', bundle, '-o', `json=${jsonFile}`, '-o', 'table']);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stdout).toMatch(/^Action\s+Gate\s+Trigger\s+Rule_Id/);
    expect(r.stdout).toMatch(
      /\nstop\s+dockerfile\s+exposed_ports\s+no-ssh\n {4}.*22.*\[trigger_id=[0-9a-f]{32}\]\n/,
    );
    // The Image line names the source (wrapped to 120 columns), not */*:*.
    expect(r.stdout.replace(/\n {2}/g, '')).toMatch(
      /^Image: .*polyglot.*@sha256:[0-9a-f]{64} \(unnamed: mappings/m,
    );
    for (const line of r.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(120);
    expect(r.stdout).toContain('Final action: STOP (policy_evaluation)');
    const result = JSON.parse(readFileSync(jsonFile, 'utf8'));
    expect(result).toMatchObject({
      finalAction: 'stop',
      finalActionReason: 'policy_evaluation',
      status: 'fail',
    });
    expect(result.matchedMapping.id).toBe('all');
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({
      gate: 'dockerfile',
      trigger: 'exposed_ports',
      action: 'stop',
      allowlisted: false,
      policyId: 'p1',
      ruleId: 'no-ssh',
    });
    expect(result.findings[0].message).toContain('22');
    expect(r.stderr).toContain('no vulnerability database');
  });

  it('passes a bundle that only WARNs (exit 0), with the full file inventory name_match needs', () => {
    const bundle = writeBundle('warn-only', [nameWarn]);
    const r = check(['--policy', bundle, '-o', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result).toMatchObject({ finalAction: 'warn', status: 'pass' });
    expect(result.findings.map((f: { message: string }) => f.message)).toEqual([
      expect.stringContaining('/etc/os-release'),
    ]);
  });

  it('an allowlisted STOP passes; the finding stays, marked', () => {
    const first = JSON.parse(check(['--policy', writeBundle('probe', [port22]), '-o', 'json']).stdout);
    const triggerId = first.findings[0].triggerId as string;
    const allowlists = [
      { id: 'wl', version: '1_0', items: [{ id: 'ssh-ok', gate: 'DOCKERFILE', trigger_id: triggerId }] },
    ];
    const bundle = writeBundle('allowed', [port22], { whitelists: allowlists });
    const text = readFileSync(bundle, 'utf8').replace('"whitelist_ids":[]', '"whitelist_ids":["wl"]');
    writeFileSync(bundle, text);
    const r = check(['--policy', bundle, '-o', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.finalAction).toBe('go');
    expect(result.findings[0].allowlisted).toMatchObject({ allowlistId: 'wl', itemId: 'ssh-ok' });
  });

  it('--tag picks the denied image list: STOP denied_image', () => {
    const denied = [
      { id: 'd', registry: 'docker.io', repository: 'acme/*', image: { type: 'tag', value: 'latest' } },
    ];
    const bundle = writeBundle('denied', [nameWarn], { blacklisted_images: denied });
    const r = check(['--policy', bundle, '--tag', 'acme/web', '-o', 'json']);
    expect(r.code, r.stderr).toBe(2);
    expect(JSON.parse(r.stdout)).toMatchObject({
      finalActionReason: 'denied_image',
      tag: 'docker.io/acme/web:latest',
    });
  });

  it('a bad bundle: every problem with its path, exit 1, nothing evaluated', () => {
    const bundle = writeBundle('bad', [
      { ...port22, gate: 'dockerfiles' },
      { ...nameWarn, action: 'MAYBE' },
    ]);
    const r = check(['--policy', bundle]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^\$\.policies\[0\]\.rules\[0\]\.gate: .+/m);
    expect(r.stderr).toMatch(/^\$\.policies\[0\]\.rules\[1\]\.action: .+/m);
    expect(r.stderr).toMatch(/^customs: .*bad\.json is not a valid policy bundle: \d+ problem/m);
  });

  it('vulnerability rules without a database: one line, exit 1', () => {
    const rule: Rule = {
      id: 'v',
      gate: 'vulnerabilities',
      trigger: 'package',
      action: 'STOP',
      params: [{ name: 'package_type', value: 'all' }],
    };
    const r = check(['--policy', writeBundle('vulns', [rule])]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      expect.stringMatching(/^customs: no vulnerability database at .*no-such-db/),
    ]);
  });

  it('vulnerability rules with an empty database: one line, exit 1, not a silent GO', async () => {
    const { openSqliteStore } = await import('../../src/vulndb/store/sqlite/index.js');
    const empty = join(root, 'empty.sqlite');
    await openSqliteStore(empty).close();
    const rule: Rule = {
      id: 'v',
      gate: 'vulnerabilities',
      trigger: 'package',
      action: 'STOP',
      params: [{ name: 'package_type', value: 'all' }],
    };
    const r = runCli(['check', image, '--policy', writeBundle('vulns-empty', [rule]), '--db', empty, '-q']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n').at(-1)).toMatch(
      /^customs: the vulnerability database at .*empty\.sqlite holds no data, and the bundle has vulnerability rules: run `customs db update`/,
    );
  });

  it('the default bundle on the real image fits a 120-column terminal, failures first', () => {
    const feed = join(root, 'osv-feed');
    mkdirSync(feed, { recursive: true });
    writeFileSync(
      join(feed, 'GHSA-jf85-cpcp-j695.json'),
      JSON.stringify({
        schema_version: '1.6.0',
        id: 'GHSA-jf85-cpcp-j695',
        modified: new Date().toISOString(),
        published: '2019-07-10T00:00:00Z',
        aliases: ['CVE-2019-10744'],
        summary: 'Prototype Pollution in lodash',
        database_specific: { severity: 'CRITICAL' },
        affected: [
          {
            package: { ecosystem: 'npm', name: 'lodash' },
            ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '4.17.12' }] }],
          },
        ],
      }),
    );
    const db = join(root, 'lodash.sqlite');
    expect(runCli(['db', 'import', feed, '--db', db]).code).toBe(0);
    const policy = fileURLToPath(new URL('../../policies/default.json', import.meta.url));
    const r = runCli(['check', image, '--policy', policy, '--db', db, '-q']);
    expect(r.code, r.stderr).toBe(2);
    const lines = r.stdout.split('\n');
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(120);
    const actions = lines.map((l) => /^(stop|warn|go)\s/.exec(l)?.[1]).filter(Boolean);
    const rank = (a: string | undefined): number => ['stop', 'warn', 'go'].indexOf(a ?? '');
    expect(actions[0]).toBe('stop');
    expect(actions).toEqual([...actions].sort((a, b) => rank(a) - rank(b)));
    expect(r.stdout).toMatch(
      /^stop\s+vulnerabilities\s+package\s+nist-800-190-4\.1\.1-fixable-high-or-critical$/m,
    );
    expect(r.stdout).toMatch(/trigger_id=GHSA-jf85-cpcp-j695\+lodash/);
  });

  it('an unknown output format is one line, exit 1', () => {
    const r = check(['--policy', writeBundle('fmt', [port22]), '-o', 'cyclonedx-json']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toMatch(
      /^customs: unknown output format "cyclonedx-json" \(choose from table, json, junit, sarif, html\)$/,
    );
  });

  it('--plugin: a Python gate plugin is a gate bundles can use; its STOP fails the check', () => {
    const plugin = fileURLToPath(new URL('../../examples/plugins/python_gate.py', import.meta.url));
    const bundle = writeBundle('plugin', [
      {
        id: 'no-busybox',
        gate: 'plugin:denied',
        trigger: 'findings',
        action: 'STOP',
        params: [{ name: 'denied_packages', value: 'busybox,telnet' }],
      },
    ]);
    const r = check(['--policy', bundle, '--plugin', `denied=${plugin}`, '-o', 'json']);
    expect(r.code, r.stderr).toBe(2);
    const result = JSON.parse(r.stdout) as { findings: { gate: string; message: string; action: string }[] };
    expect(result.findings.map((f) => [f.gate, f.action])).toContainEqual(['plugin:denied', 'stop']);
    expect(result.findings.some((f) => f.message.includes('busybox'))).toBe(true);
    const without = check(['--policy', bundle, '-o', 'json']);
    expect(without.code).toBe(1);
    expect(without.stderr).toMatch(/plugin:denied/);
  });

  it('--plugin with a broken value is one line, exit 1', () => {
    const r = check(['--policy', writeBundle('plugin-bad', [port22]), '--plugin', 'no-equals-sign']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toMatch(/^customs: --plugin no-equals-sign: write NAME=PATH/);
  });
});
