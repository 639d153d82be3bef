// `customs scap` on a small root directory (dir: source) with the hand-written test data stream:
// the table, JSON and XCCDF results it writes, its exit status, and its one-line errors.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseXml } from '../../src/xml/xml-reader.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const DS = fileURLToPath(new URL('../../src/scap/xccdf/testdata/small-ds.xml', import.meta.url));
const dir = tempDir('customs-scap-cli-');

function root(name: string, files: Record<string, string>): string {
  const at = join(dir, name);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(at, path, '..'), { recursive: true });
    writeFileSync(join(at, path), content);
  }
  return `dir:${at}`;
}

const hardened = root('hardened', {
  'etc/login.defs': 'PASS_MAX_DAYS 45\n',
  'etc/ssh/sshd_config': 'PermitRootLogin no\n',
});
const weak = root('weak', {
  'etc/login.defs': 'PASS_MAX_DAYS 90\n',
  'etc/ssh/sshd_config': 'PermitRootLogin yes\n',
});

describe('customs scap', () => {
  it('prints a table and exits 0 when nothing fails', () => {
    const r = runCli(['scap', hardened, '--content', DS, '--profile', 'strict', '-q']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/max_days\s+medium\s+pass/);
    expect(r.stdout).toMatch(/sysctl\s+medium\s+notchecked/);
    expect(r.stdout).toContain('pass 2, notapplicable 1, notchecked 2');
  });

  it('exits 2 when a rule fails, and writes JSON and an XCCDF TestResult', () => {
    const results = join(dir, 'results.xml');
    const r = runCli([
      'scap',
      weak,
      '--content',
      DS,
      '--profile',
      'strict',
      '--format',
      'json',
      '--results',
      results,
      '-q',
    ]);
    expect(r.code).toBe(2);
    const json = JSON.parse(r.stdout) as {
      schema: string;
      counts: Record<string, number>;
      rules: { id: string; result: string }[];
    };
    expect(json.schema).toBe('customs-scap/1');
    expect(json.counts.fail).toBe(2);
    expect(json.rules.find((x) => x.id === 'xccdf_org.test_rule_no_root_login')?.result).toBe('fail');
    const xml = parseXml(readFileSync(results, 'utf8'));
    expect(xml.name).toBe('TestResult');
    expect(xml.ns).toBe('http://checklists.nist.gov/xccdf/1.2');
    const ruleResults = xml.children.filter((c) => c.name === 'rule-result');
    expect(ruleResults).toHaveLength(6);
    const maxDays = ruleResults.find((c) => c.attrs.idref === 'xccdf_org.test_rule_max_days');
    expect(maxDays?.children.find((c) => c.name === 'result')?.text).toBe('fail');
    expect(xml.children.find((c) => c.name === 'set-value')?.text).toBe('60');
  });

  it('writes an ARF report embedding the content, valid for OpenSCAP where it is installed', () => {
    const results = join(dir, 'results-only.xml');
    const arf = join(dir, 'arf.xml');
    const r = runCli([
      'scap',
      hardened,
      '--content',
      DS,
      '--profile',
      'strict',
      '--results',
      results,
      '--results-arf',
      arf,
      '-q',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const root = parseXml(readFileSync(arf, 'utf8'));
    expect(root).toMatchObject({
      ns: 'http://scap.nist.gov/schema/asset-reporting-format/1.1',
      name: 'asset-report-collection',
    });
    const names = (n: typeof root): string[] => [n.name, ...n.children.flatMap(names)];
    expect(names(root)).toEqual(
      expect.arrayContaining(['data-stream-collection', 'TestResult', 'computing-device']),
    );
    if (spawnSync('oscap', ['--version']).status !== 0) return;
    // A TestResult alone cannot satisfy the schematron rules that idrefs resolve in the same document.
    const xccdf = spawnSync('oscap', ['xccdf', 'validate', '--skip-schematron', results], {
      encoding: 'utf8',
    });
    expect(xccdf.status, xccdf.stdout + xccdf.stderr).toBe(0);
    const rds = spawnSync('oscap', ['ds', 'rds-validate', arf], { encoding: 'utf8' });
    expect(rds.status, rds.stdout + rds.stderr).toBe(0);
    expect(rds.stderr).not.toMatch(/Error/);
  });

  it('says in one line what is wrong with bad arguments', () => {
    const missing = runCli(['scap', hardened, '--content', join(dir, 'nope.xml'), '-q']);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toMatch(/cannot read SCAP content .*nope\.xml: ENOENT/);
    const profile = runCli(['scap', hardened, '--content', DS, '--profile', 'ghost', '-q']);
    expect(profile.code).toBe(1);
    expect(profile.stderr).toMatch(/no profile "ghost"/);
    const notXml = join(dir, 'not.xml');
    writeFileSync(notXml, '<a><b></a>');
    const bad = runCli(['scap', hardened, '--content', notXml, '-q']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/not well-formed XML/);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });
});
