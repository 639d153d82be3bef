import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CliResult, runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const dir = tempDir('customs-policy-');

function file(name: string, content: string): string {
  const full = path.join(dir, name);
  writeFileSync(full, content);
  return full;
}

const VALID = {
  id: 'cli',
  version: '1_0',
  policies: [
    {
      id: 'p',
      version: '1_0',
      rules: [
        { id: 'r1', gate: 'always', trigger: 'always', action: 'WARN', params: [] },
        {
          id: 'r2',
          gate: 'dockerfile',
          trigger: 'exposed_ports',
          action: 'stop',
          params: [
            { name: 'ports', value: '22' },
            { name: 'type', value: 'blacklist' },
          ],
        },
      ],
    },
  ],
  whitelists: [],
  mappings: [
    {
      id: 'm',
      registry: '*',
      repository: '*',
      image: { type: 'tag', value: '*' },
      policy_id: 'p',
      whitelist_ids: [],
    },
  ],
};

function expectOneErrorLine(r: CliResult, pattern: RegExp): void {
  expect(r.code, r.stderr).toBe(1);
  expect(r.stdout).toBe('');
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^customs: /);
  expect(lines[0]).toMatch(pattern);
}

describe('customs policy validate', () => {
  it('says valid and exits 0 for a clean JSON bundle', () => {
    const r = runCli(['policy', 'validate', file('ok.json', JSON.stringify(VALID))]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/ok\.json: valid \(1 policy, 2 rules, 1 mapping\)\n$/);
    expect(r.stderr).toBe('');
  });

  it('reads YAML as well', () => {
    const yaml = [
      'id: cli',
      'version: "1_0"',
      'policies:',
      '  - id: p',
      '    rules:',
      '      - {id: r1, gate: always, trigger: always, action: GO, params: []}',
      'mappings:',
      '  - {registry: "*", repository: "*", image: {type: tag, value: "*"}, policy_ids: [p]}',
    ].join('\n');
    const r = runCli(['policy', 'validate', file('ok.yaml', yaml)]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('valid');
  });

  it('lists every problem as PATH: message (value), one per line, and exits 1', () => {
    const bad = structuredClone(VALID) as typeof VALID & Record<string, unknown>;
    bad.version = '2_0';
    bad.policies[0]!.rules[0]!.action = 'HALT';
    bad.policies[0]!.rules[1]!.params[0]!.value = 'ssh';
    bad.policies[0]!.rules.push({ id: 'r1', gate: 'nosuchgate', trigger: 'x', action: 'GO', params: [] });
    bad.mappings[0]!.policy_id = 'ghost';
    const r = runCli(['policy', 'validate', file('bad.json', JSON.stringify(bad))]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toEqual([
      '$.version: unsupported version: must be "1_0" ("2_0")',
      '$.policies[0].rules[0].action: action must be STOP, WARN or GO ("HALT")',
      expect.stringMatching(
        /^\$\.policies\[0\]\.rules\[1\]\.params\[0\]\.value: parameter "ports" .*\("ssh"\)$/,
      ),
      expect.stringMatching(
        /^\$\.policies\[0\]\.rules\[2\]\.gate: unknown gate \(known gates: always, .*\) \("nosuchgate"\)$/,
      ),
      '$.policies[0].rules[2].id: duplicate rule id (first used at $.policies[0].rules[0].id) ("r1")',
      '$.mappings[0].policy_id: no policy has this id ("ghost")',
    ]);
    expect(r.stderr).toMatch(/^customs: .*bad\.json is not a valid policy bundle: 6 problems\n$/);
  });

  it('fails with one line for a file that is neither JSON nor YAML', () => {
    expectOneErrorLine(
      runCli(['policy', 'validate', file('garbage.json', '{"id": "x", "policies": [')]),
      /garbage\.json is neither JSON nor YAML: /,
    );
  });

  it('fails with one line for a missing file', () => {
    expectOneErrorLine(
      runCli(['policy', 'validate', path.join(dir, 'nope.json')]),
      /cannot read policy bundle .*nope\.json: no such file$/,
    );
  });

  it('fails with one line for a YAML scalar', () => {
    expectOneErrorLine(
      runCli(['policy', 'validate', file('words.yaml', 'hello world\n')]),
      /is not a policy bundle/,
    );
  });
});

describe('customs policy spec', () => {
  it('prints every gate, trigger and param as JSON', () => {
    const r = runCli(['policy', 'spec', '-o', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const spec = JSON.parse(r.stdout) as {
      gates: {
        name: string;
        state: string;
        triggers: {
          name: string;
          params: { name: string; type: string; required: boolean; values?: string[] }[];
        }[];
      }[];
    };
    const dockerfile = spec.gates.find((g) => g.name === 'dockerfile');
    const ports = dockerfile?.triggers
      .find((t) => t.name === 'exposed_ports')
      ?.params.find((p) => p.name === 'ports');
    expect(ports).toMatchObject({ type: 'csv-int', required: true });
    expect(spec.gates.find((g) => g.name === 'anchoresec')).toMatchObject({ state: 'eol', triggers: [] });
    expect(spec.gates.some((g) => g.name === 'always' && g.triggers.length === 1)).toBe(true);
  });

  it('prints a table by default', () => {
    const r = runCli(['policy', 'spec']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^GATE\s+TRIGGER\s+PARAMETER\s+TYPE\s+REQUIRED/);
    expect(r.stdout).toMatch(/^dockerfile\s+exposed_ports\s+ports\s+csv-int\s+yes/m);
  });

  it('rejects an unknown format with one line', () => {
    expectOneErrorLine(
      runCli(['policy', 'spec', '-o', 'xml']),
      /unknown output format "xml" \(choose from table, json\)/,
    );
  });
});
