// Secrets in the image config (env, labels, commands, history lines) are findings located in
// the config, and are redacted in every output: the SBOM in each format, scan and check reports.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/vulndb/store/sqlite/index.js';
import { writeOciLayout } from '../helpers/oci-builder.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const root = tempDir('customs-config-secrets-');
const layout = join(root, 'oci');
const image = `oci-dir:${layout}:v1`;
const GITHUB = `ghp_${'a1B2'.repeat(9)}`;
const LABEL_PASSWORD = 'Label-Pa55word';
const URL_PASSWORD = 'Url-Pa55word';
const NPM = `npm_${'Zx9'.repeat(12)}`;
const SECRETS = [GITHUB, LABEL_PASSWORD, URL_PASSWORD, NPM];

beforeAll(async () => {
  await writeOciLayout(layout, {
    tag: 'v1',
    config: {
      Env: ['PATH=/usr/bin:/bin', `GITHUB_TOKEN=${GITHUB}`, 'PASSWORD_FILE=/run/secrets/db', 'API_TOKEN='],
      Labels: { password: LABEL_PASSWORD, 'org.opencontainers.image.authors': 'team@example.com' },
      Cmd: ['sh', '-c', `echo ${GITHUB}`],
    },
    layers: [
      { entries: [{ name: 'etc/hello', content: 'hi\n' }] },
      {
        entries: [{ name: 'opt/app', content: 'app\n' }],
        createdBy: `RUN /bin/sh -c curl -fsSL https://deploy:${URL_PASSWORD}@git.example.com/x.sh | sh # buildkit`,
      },
      {
        entries: [{ name: 'opt/lib', content: 'lib\n' }],
        createdBy: `|1 NPM_TOKEN=${NPM} /bin/sh -c npm ci`,
      },
    ],
  });
}, 60_000);

function expectNoSecret(text: string, what: string): void {
  for (const secret of SECRETS) expect(text.includes(secret), `${what} shows ${secret}`).toBe(false);
}

describe('secrets in the image config', () => {
  it('are reported with their location in the config', () => {
    const r = runCli(['sbom', image, '-o', 'json', '-q']);
    expect(r.code, r.stderr).toBe(0);
    const sbom = JSON.parse(r.stdout) as {
      secrets: { ruleId: string; path: string; match: string }[];
      image: { config: { env: string[]; labels: Record<string, string> }; dockerfile: string };
    };
    const found = sbom.secrets.map((s) => `${s.path} ${s.ruleId}`).sort();
    expect(found).toEqual(
      [
        'config:cmd github-pat',
        'config:env/GITHUB_TOKEN github-pat',
        'config:label/password config-secret-assignment',
        'history[1] url-password',
        'history[2] npm-access-token',
      ].sort(),
    );
    expect(sbom.image.config.env).toContain(`GITHUB_TOKEN=${'*'.repeat(GITHUB.length)}`);
    expect(sbom.image.config.env).toContain('PASSWORD_FILE=/run/secrets/db');
    expect(sbom.image.config.labels.password).toBe('*'.repeat(LABEL_PASSWORD.length));
    expect(sbom.image.config.labels['org.opencontainers.image.authors']).toBe('team@example.com');
    expect(sbom.image.dockerfile).toContain(
      `https://deploy:${'*'.repeat(URL_PASSWORD.length)}@git.example.com`,
    );
    expectNoSecret(r.stdout + r.stderr, 'sbom -o json');
  });

  it.each(['table', 'cyclonedx-json', 'cyclonedx-xml', 'spdx-json'])(
    'are redacted in sbom -o %s',
    (format) => {
      const r = runCli(['sbom', image, '-o', format, '-q']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout.length).toBeGreaterThan(100);
      expectNoSecret(r.stdout + r.stderr, `sbom -o ${format}`);
    },
  );

  it('are redacted in scan and check reports of every format', async () => {
    const out = join(root, 'reports');
    const db = join(root, 'vuln.db');
    const store = openSqliteStore(db);
    const session = await store.begin();
    await session.recordProvider({ provider: 'test', lastSync: new Date().toISOString(), rejected: 0 });
    await session.commit();
    await store.close();
    const scan = runCli([
      'scan',
      image,
      '--db',
      db,
      ...['json', 'table', 'sarif', 'html', 'cyclonedx-json', 'junit', 'gitlab'].flatMap((f) => [
        '-o',
        `${f}=${out}-scan.${f}`,
      ]),
      '-q',
    ]);
    expect(scan.code, scan.stderr).toBe(0);
    const check = runCli([
      'check',
      image,
      '--policy',
      fileURLToPath(new URL('../../policies/default.json', import.meta.url)),
      '--ignore-db',
      ...['json', 'table', 'junit', 'sarif', 'html'].flatMap((f) => ['-o', `${f}=${out}-check.${f}`]),
      '-q',
    ]);
    expect(check.stderr).not.toMatch(/error/);
    // The default bundle's secret rule sees the config's secrets.
    expect(readFileSync(`${out}-check.json`, 'utf8')).toContain('config:env/GITHUB_TOKEN');
    expectNoSecret(scan.stdout + scan.stderr + check.stdout + check.stderr, 'scan/check streams');
    for (const f of ['json', 'table', 'sarif', 'html', 'cyclonedx-json', 'junit', 'gitlab']) {
      const text = readFileSync(`${out}-scan.${f}`, 'utf8');
      expect(text.length).toBeGreaterThan(10);
      expectNoSecret(text, `scan -o ${f}`);
    }
    for (const f of ['json', 'table', 'junit', 'sarif', 'html']) {
      const text = readFileSync(`${out}-check.${f}`, 'utf8');
      expect(text.length).toBeGreaterThan(50);
      expectNoSecret(text, `check -o ${f}`);
    }
  });
});
