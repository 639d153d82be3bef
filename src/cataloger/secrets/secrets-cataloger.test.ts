import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryImage, type MemoryFileSpec } from '../../../test/helpers/memory-file-view.js';
import type { Package } from '../../model/package.js';
import type { SecretFinding } from '../../model/secret.js';
import type { FileRecord, FileView } from '../../resolver/file-view.js';
import { UsageError } from '../../errors/index.js';
import type { CatalogOptions, Cataloger } from '../types.js';
import { createSecretsCataloger } from './secrets-cataloger.js';

/** Runs the cataloger as the pipeline does: inspect every record it wants, then catalog. */
async function scan(
  specs: MemoryFileSpec[],
  options: CatalogOptions = {},
  scope: 'squashed' | 'all-layers' = 'squashed',
  packagesSoFar: Package[] = [],
): Promise<SecretFinding[]> {
  const cataloger = createSecretsCataloger(options);
  const image = memoryImage(specs);
  return (
    (
      await run(
        cataloger,
        image.allLayers,
        scope === 'squashed' ? image.squashed : image.allLayers,
        packagesSoFar,
      )
    ).secrets ?? []
  );
}

async function run(cataloger: Cataloger, every: FileView, files: FileView, packagesSoFar: Package[] = []) {
  const inspections = new Map<FileRecord, unknown>();
  for (const record of every.find(() => true)) {
    const content = every.content(record);
    if (record.type !== 'file' || !content) continue;
    if (!cataloger.wantsInspect?.({ path: record.path, size: record.size, mode: record.mode })) continue;
    const result = await cataloger.inspect?.(record, content);
    if (result !== undefined) inspections.set(record, result);
  }
  return cataloger.catalog({ files, squashed: files, distro: null, inspections, packagesSoFar });
}

// Fake credentials built from parts, in the documented formats (never real keys).
const AWS_ID = 'AKIA' + 'Q3EGRKLMNOPQRSTU';
const AWS_SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCY' + 'EXAMPLEKEY';
const GITHUB = 'ghp_' + 'a'.repeat(20) + 'B'.repeat(16);
const GITLAB = 'glpat-' + 'x1Y2z3'.repeat(4).slice(0, 20);
const NPM = 'npm_' + 'Ab1'.repeat(12);
const SLACK = 'xoxb-' + '1234567890-abcdefABCDEF';
const STRIPE = 'sk_live_' + '0123456789abcdefABCDEFGH';
const HF = 'hf_' + 'abcdefghijklmnopqrstuvwxyzABCDEFGH';
const OPENAI = 'sk-proj-' + 'a'.repeat(24) + 'T3BlbkFJ' + 'b'.repeat(24);
const JWT = 'eyJhbGciOiJIUzI1NiJ9.' + 'eyJzdWIiOiIxMjM0NTY3ODkwIn0.' + 'c2lnbmF0dXJlLXNpZ25hdHVyZQ';
const SENDGRID = 'SG.' + 'a'.repeat(22) + '.' + 'b'.repeat(43);
const PYPI = 'pypi-AgEIcHlwaS5vcmc' + 'C'.repeat(60);
const AZURE_KEY = 'k'.repeat(86) + '==';

describe('secrets cataloger: built-in rules', () => {
  it.each([
    ['aws-access-key-id', `export AWS_ACCESS_KEY_ID=${AWS_ID}`, AWS_ID],
    ['aws-secret-access-key', `aws_secret_access_key = ${AWS_SECRET}`, AWS_SECRET],
    ['github-pat', `token: ${GITHUB}`, GITHUB],
    ['gitlab-pat', `GITLAB_TOKEN="${GITLAB}"`, GITLAB],
    ['npm-access-token', `//registry.npmjs.org/:_authToken=${NPM}`, NPM],
    ['slack-access-token', `SLACK=${SLACK}`, SLACK],
    ['stripe-secret-key', `stripe.api_key = "${STRIPE}"`, STRIPE],
    ['hugging-face-access-token', `HF_TOKEN=${HF}`, HF],
    ['openai-api-key', `OPENAI_API_KEY=${OPENAI}`, OPENAI],
    ['jwt-token', `Authorization: Bearer ${JWT}`, JWT],
    ['sendgrid-api-token', `key=${SENDGRID}`, SENDGRID],
    ['pypi-upload-token', `password = ${PYPI}`, PYPI],
    [
      'azure-storage-connection-string',
      `DefaultEndpointsProtocol=https;AccountName=x;AccountKey=${AZURE_KEY};`,
      AZURE_KEY,
    ],
    ['url-password', 'DATABASE_URL=postgres://app:s3cr3tPa55@db.internal:5432/app', 's3cr3tPa55'],
  ])('%s', async (ruleId, line, secret) => {
    const findings = await scan([{ path: '/app/.env', content: `# config\n\n${line}\nother=1\n` }]);
    const finding = findings.find((f) => f.ruleId === ruleId);
    expect(finding).toMatchObject({ path: '/app/.env', line: 3, layer: 'sha256:layer0', layerIndex: 0 });
    expect(finding?.match).toContain('*'.repeat(Math.min(secret.length, 40)));
    expect(JSON.stringify(findings)).not.toContain(secret);
  });

  it('finds a private key and reports the line where its body starts', async () => {
    const body = 'MIIEowIBAAKCAQEA' + 'q'.repeat(60);
    const pem = `-----BEGIN RSA PRIVATE KEY-----\n${body}\n${'r'.repeat(64)}\n-----END RSA PRIVATE KEY-----\n`;
    const findings = await scan([{ path: '/root/.ssh/id_rsa', content: pem }]);
    expect(findings.map((f) => [f.ruleId, f.line])).toEqual([['private-key', 2]]);
    expect(JSON.stringify(findings)).not.toContain(body);
  });

  it('docker config auth only in config.json', async () => {
    const json = '{"auths":{"r.example":{"auth":"dXNlcjpzZWNyZXRwYXNz"}}}';
    expect((await scan([{ path: '/root/.docker/config.json', content: json }])).map((f) => f.ruleId)).toEqual(
      ['dockerconfig-secret'],
    );
    expect(await scan([{ path: '/root/other.json', content: json }])).toEqual([]);
  });

  it('ignores URL placeholders and text without keywords', async () => {
    const text = 'see https://user:${PASSWORD}@host/ and ftp://a:****@b\nnothing here\n';
    expect(await scan([{ path: '/etc/app.conf', content: text }])).toEqual([]);
  });

  it('cuts the redacted line to 160 characters around the secret', async () => {
    const line = 'x'.repeat(500) + ` token=${GITHUB} ` + 'y'.repeat(500);
    const [finding] = await scan([{ path: '/a.txt', content: line }]);
    expect(finding?.match.length).toBeLessThanOrEqual(160);
    expect(finding?.match).toContain('token=****');
  });
});

describe('secrets cataloger: what is scanned', () => {
  const line = `aws_secret_access_key = ${AWS_SECRET}\n`;
  it.each([
    ['/usr/share/doc/pkg/README', false],
    ['/app/node_modules/x/index.js', false],
    ['/usr/lib/python3/dist-packages/x/conf.py', false],
    ['/app/vendor/x/y.php', false],
    ['/usr/local/go/src/crypto/x.go', false],
    ['/src/tests/fixture.txt', false],
    ['/docs/SETUP.md', false],
    ['/etc/app/credentials', true],
  ])('%s scanned: %s (scanned always with scanAll)', async (file, scanned) => {
    expect((await scan([{ path: file, content: line }])).length).toBe(scanned ? 1 : 0);
    expect((await scan([{ path: file, content: line }], { secrets: { scanAll: true } })).length).toBe(1);
  });

  it('skips binaries (NUL in the first 8 KiB) and nothing when disabled', async () => {
    expect(
      await scan([{ path: '/bin/x', content: Buffer.concat([Buffer.from([0, 1]), Buffer.from(line)]) }]),
    ).toEqual([]);
    expect(await scan([{ path: '/etc/x', content: line }], { secrets: { enabled: false } })).toEqual([]);
  });

  it('a key added in layer 1 and deleted in layer 2 shows under all-layers only, with its layer', async () => {
    const specs: MemoryFileSpec[] = [
      { path: '/opt/app/secret.txt', content: line, layerIndex: 1 },
      { path: '/opt/app/secret.txt', deleted: true, layerIndex: 2 },
      { path: '/opt/app/keep.txt', content: 'nothing\n', layerIndex: 1 },
    ];
    expect(await scan(specs)).toEqual([]);
    const all = await scan(specs, {}, 'all-layers');
    expect(all.map((f) => [f.path, f.layer, f.layerIndex])).toEqual([
      ['/opt/app/secret.txt', 'sha256:layer1', 1],
    ]);
  });
});

describe('secrets cataloger: user rules file', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'customs-secret-rules-'));
  const write = (name: string, text: string): string => {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    return file;
  };

  it('adds rules (Go syntax), disables built-ins and applies allow rules', async () => {
    const rulesFile = write(
      'rules.yaml',
      [
        'rules:',
        '  - id: acme-token',
        '    category: Acme',
        '    title: Acme token',
        '    severity: high',
        '    keywords: [acme_]',
        '    regex: (?i)token\\s*=\\s*(?P<secret>acme_[a-z0-9]{12})',
        'disable-rules: [aws-access-key-id]',
        'allow-rules:',
        '  - id: skip-samples',
        '    path: \\.sample$',
      ].join('\n'),
    );
    const content = `TOKEN = acme_abcdef123456\nid=${AWS_ID}\n`;
    const findings = await scan([{ path: '/etc/acme.conf', content }], { secrets: { rulesFile } });
    expect(findings.map((f) => [f.ruleId, f.severity, f.line, f.match])).toEqual([
      ['acme-token', 'HIGH', 1, 'TOKEN = *****************'],
    ]);
    expect(await scan([{ path: '/etc/acme.sample', content }], { secrets: { rulesFile } })).toEqual([]);
  });

  it('enable-builtin-rules keeps only the listed built-ins', async () => {
    const rulesFile = write('only.yaml', 'enable-builtin-rules: [github-pat]\n');
    const content = `${GITHUB}\n${AWS_ID}\n`;
    const findings = await scan([{ path: '/x', content }], { secrets: { rulesFile } });
    expect(findings.map((f) => f.ruleId)).toEqual(['github-pat']);
  });

  it.each([
    ['bad-yaml.yaml', 'rules: [unclosed', /not valid YAML/],
    ['no-regex.yaml', 'rules:\n  - id: x\n', /rule x: "regex" is required/],
    ['bad-regex.yaml', 'rules:\n  - id: x\n    regex: "(unclosed"\n', /rule x: invalid regex/],
    ['bad-severity.yaml', 'rules:\n  - id: x\n    regex: a\n    severity: urgent\n', /severity "URGENT"/],
    ['bad-list.yaml', 'disable-rules: 3\n', /"disable-rules" must be a list/],
  ])('%s is a UsageError naming the file', (name, text, message) => {
    const rulesFile = write(name, text);
    expect(() => createSecretsCataloger({ secrets: { rulesFile } })).toThrow(UsageError);
    expect(() => createSecretsCataloger({ secrets: { rulesFile } })).toThrow(message);
    expect(() => createSecretsCataloger({ secrets: { rulesFile } })).toThrow(rulesFile);
  });

  it('a missing rules file is a UsageError', () => {
    expect(() => createSecretsCataloger({ secrets: { rulesFile: path.join(dir, 'nope.yaml') } })).toThrow(
      /cannot read it/,
    );
  });
});

describe('secrets in files the distro installed', () => {
  const line = 'uri = URI.parse("http://john:' + 'hunter2hunter2' + '@my.example.com")\n';
  const files: MemoryFileSpec[] = [
    { path: '/usr/lib/ruby/3.1.0/uri/generic.rb', content: line },
    { path: '/srv/app/config.rb', content: line },
  ];
  const rubyDeb: Package = {
    id: 'deb-1',
    name: 'libruby3.1',
    version: '3.1.2-7',
    type: 'deb',
    locations: [{ path: '/var/lib/dpkg/status' }],
    foundBy: 'dpkg',
    metadata: { package: 'libruby3.1', version: '3.1.2-7', files: ['/usr/lib/ruby/3.1.0/uri/generic.rb'] },
  };

  it("are left out: a file an OS package owns is the distro's, the app's file is reported", async () => {
    const found = await scan(files, {}, 'squashed', [rubyDeb]);
    expect(found.map((f) => f.path)).toEqual(['/srv/app/config.rb']);
  });

  it('are reported when the user asks to scan everything', async () => {
    const found = await scan(files, { secrets: { scanAll: true } }, 'squashed', [rubyDeb]);
    expect(found.map((f) => f.path).sort()).toEqual([
      '/srv/app/config.rb',
      '/usr/lib/ruby/3.1.0/uri/generic.rb',
    ]);
  });

  it('interpolated passwords are placeholders, not secrets', async () => {
    const found = await scan([{ path: '/srv/a.rb', content: 'u = "druby://#{host}:#{port}@config"\n' }]);
    expect(found).toEqual([]);
  });
});
