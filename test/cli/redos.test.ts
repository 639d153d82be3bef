// Patterns a user writes cannot stall the CLI: `(a+)+$` backtracks for ever on a RegExp
// engine (2^40 steps on 40 characters), and runs in linear time on the one Customs uses. Each
// case has an input that drives a backtracking engine into that blow-up, and must finish well
// inside the 60 s spawn limit with the right answer.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeOciLayout } from '../helpers/oci-builder.js';
import { CUSTOMS_BIN } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const root = tempDir('customs-redos-');
const layout = join(root, 'oci');
const image = `oci-dir:${layout}:v1`;
const evil = '(a+)+$';
const attack = `${'a'.repeat(40)}!`;
const longTag = `${'a'.repeat(40)}-`;
const longRepository = `${'a'.repeat(40)}/b`;

function run(args: string[]): { code: number | null; stdout: string; stderr: string; seconds: number } {
  const started = Date.now();
  const r = spawnSync(process.execPath, [CUSTOMS_BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, CUSTOMS_DEBUG: '' },
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, seconds: (Date.now() - started) / 1000 };
}

function bundle(name: string, extra: Record<string, unknown>): string {
  const file = join(root, `${name}.json`);
  const rule = {
    id: 'etc-hint',
    gate: 'files',
    trigger: 'name_match',
    action: 'WARN',
    params: [{ name: 'regex', value: '.*/etc/attack.*' }],
  };
  writeFileSync(
    file,
    JSON.stringify({
      id: name,
      version: '1_0',
      policies: [{ id: 'p1', version: '1_0', rules: [rule] }],
      mappings: [
        {
          id: 'evil',
          registry: '*',
          repository: `regexp:${evil}`,
          image: { type: 'tag', value: `regexp:${evil}` },
          policy_ids: ['p1'],
        },
        { id: 'all', registry: '*', repository: '*', image: { type: 'tag', value: '*' }, policy_ids: ['p1'] },
      ],
      ...extra,
    }),
  );
  return file;
}

beforeAll(async () => {
  await writeOciLayout(layout, {
    layers: [{ entries: [{ name: 'etc/attack.txt', content: `${attack}\n${attack}\n` }] }],
    tag: 'v1',
  });
}, 60_000);

describe('user patterns run in linear time', () => {
  it('a regexp: mapping on a 40-character tag and repository', () => {
    const r = run([
      'check',
      image,
      '--policy',
      bundle('mapping', {}),
      '--ignore-db',
      '--tag',
      `example.com/${longRepository}:${longTag}`,
      '-o',
      'json',
      '-q',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { matchedMapping: { id: string } }).matchedMapping.id).toBe('all');
    expect(r.seconds).toBeLessThan(30);
  });

  it('a denied-image pattern on a 40-character tag', () => {
    const denied = [
      { id: 'd1', registry: '*', repository: '*', image: { type: 'tag', value: `regexp:${evil}` } },
    ];
    const miss = run([
      'check',
      image,
      '--policy',
      bundle('denied', { blacklisted_images: denied }),
      '--ignore-db',
      '--tag',
      `example.com/app:${longTag}`,
      '-o',
      'json',
      '-q',
    ]);
    expect(miss.code, miss.stderr).toBe(0);
    expect((JSON.parse(miss.stdout) as { matchedDeniedImage: unknown }).matchedDeniedImage).toBe(false);
    const hit = run([
      'check',
      image,
      '--policy',
      bundle('denied-hit', { blacklisted_images: denied }),
      '--ignore-db',
      '--tag',
      'example.com/app:aaaa',
      '-q',
    ]);
    expect(hit.code).toBe(2);
    expect(hit.stdout).toContain('STOP');
    expect(miss.seconds + hit.seconds).toBeLessThan(30);
  });

  it('a content-search pattern and a secret rule on a file of 40 a and a !', () => {
    const rules = join(root, 'rules.yaml');
    writeFileSync(
      rules,
      [
        'rules:',
        '  - id: evil',
        '    title: Evil',
        `    regex: '${evil}'`,
        '    keywords: ["aaaa"]',
        '',
      ].join('\n'),
    );
    const r = run([
      'sbom',
      image,
      '--content-search',
      `evil=${evil}`,
      '--content-search',
      'bang=a!',
      '--secrets-config',
      rules,
      '-o',
      'json',
      '-q',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const sbom = JSON.stringify(JSON.parse(r.stdout));
    expect(sbom).toContain('bang');
    expect(sbom).not.toContain('"evil"');
    expect(r.seconds).toBeLessThan(30);
  });
});
