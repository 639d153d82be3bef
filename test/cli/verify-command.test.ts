import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DSSE,
  dsseEnvelope,
  generateKey,
  manifestDigest,
  pushArtifact,
  signatureLayer,
  simpleSigningPayload,
  type TestKey,
} from '../helpers/cosign-artifacts.js';
import { writeOciLayout } from '../helpers/oci-builder.js';
import { runCli } from '../helpers/run-cli.js';
import { everyImageBundle } from '../helpers/use-case-fixtures.js';
import { tempDir } from '../helpers/temp-dir.js';
import { startRegistry, type RunningRegistry } from '../registry/registry-harness.js';

const root = tempDir('customs-verify-cli-');
let registry: RunningRegistry;
let signer: TestKey;
let stranger: TestKey;
let digest: string;

async function push(repository: string, content: string): Promise<string> {
  const layout = join(root, repository);
  await writeOciLayout(layout, { layers: [{ entries: [{ name: 'etc/app.conf', content }] }] });
  execFileSync('skopeo', [
    'copy',
    '--quiet',
    '--dest-tls-verify=false',
    `oci:${layout}:latest`,
    `docker://${registry.host}/${repository}:1`,
  ]);
  return manifestDigest(registry.url, repository, '1');
}

beforeAll(async () => {
  registry = await startRegistry();
  signer = generateKey(root, 'release', 'ecdsa-p256');
  stranger = generateKey(root, 'stranger', 'ed25519');
  digest = await push('app', 'signed\n');
  await push('plain', 'unsigned\n');
  const payload = simpleSigningPayload(`${registry.host}/app`, digest);
  await pushArtifact(registry.url, 'app', digest, 'sig', [signatureLayer(signer, payload)]);
  await pushArtifact(registry.url, 'app', digest, 'att', [
    {
      mediaType: DSSE,
      bytes: dsseEnvelope(signer, digest, 'https://slsa.dev/provenance/v0.2', {
        builder: { id: 'https://ci.acme.io' },
        buildType: 'make',
        materials: [{ uri: 'git+https://git.acme.io/app' }],
      }),
    },
  ]);
}, 60_000);
afterAll(async () => registry?.stop());

/** docs/schemas/customs-verify-1.schema.json, closed: no property it does not name is allowed. */
function closedSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closedSchema);
  if (typeof schema !== 'object' || schema === null) return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) out[key] = closedSchema(value);
  if (
    out['type'] === 'object' &&
    out['properties'] !== undefined &&
    out['additionalProperties'] === undefined
  )
    out['additionalProperties'] = false;
  return out;
}
const schemaFile = fileURLToPath(new URL('../../docs/schemas/customs-verify-1.schema.json', import.meta.url));
const validate = new Ajv({ allErrors: true, strict: false }).compile(
  closedSchema(JSON.parse(readFileSync(schemaFile, 'utf8'))) as object,
);

const verify = (...args: string[]) =>
  runCli([
    'verify',
    ...args,
    '--insecure-registry',
    registry.host,
    '--docker-config',
    join(root, 'none.json'),
  ]);

describe('customs verify', () => {
  it('exits 0 when a trusted key verifies a signature', () => {
    const r = verify(`registry:${registry.host}/app:1`, '--key', signer.publicPath);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`verified: yes, signed by ${signer.publicPath}`);
    expect(r.stdout).toContain(`digest:   ${digest}`);
  });

  it('writes JSON with the named key', () => {
    const r = verify(`${registry.host}/app:1`, '--key', `release=${signer.publicPath}`, '-o', 'json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(doc).toMatchObject({
      schema: 'customs-verify/1',
      verified: true,
      signers: ['release'],
      subjects: [digest],
    });
    expect(doc['attestations']).toMatchObject([
      {
        verified: true,
        key: 'release',
        summary: { kind: 'slsa-provenance', builderId: 'https://ci.acme.io' },
      },
    ]);
    validate(doc);
    expect(validate.errors ?? []).toEqual([]);
    const failed = verify(`${registry.host}/app:1`, '--key', stranger.publicPath, '-o', 'json');
    expect(failed.code).toBe(2);
    const failedDoc = JSON.parse(failed.stdout) as Record<string, unknown>;
    expect(failedDoc).toMatchObject({ verified: false, reason: 'no trusted key verifies the signature' });
    validate(failedDoc);
    expect(validate.errors ?? []).toEqual([]);
    // The closed schema refuses a field it does not describe.
    expect(validate({ ...failedDoc, extra: 1 })).toBe(false);
  });

  it('exits 2 with the reason when no trusted key verifies', () => {
    const r = verify(`registry:${registry.host}/app:1`, '--key', stranger.publicPath);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('verified: no: no trusted key verifies the signature');
  });

  it('exits 2 for an image without signatures', () => {
    const r = verify(`registry:${registry.host}/plain:1`, '--key', signer.publicPath);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(
      /verified: no: no signature artifact \(tag sha256-[0-9a-f]{64}\.sig\) in 127\.0\.0\.1:\d+\/plain/,
    );
  });

  it('exits 1 with one line for a private key, a missing key, a local source and no key', () => {
    const cases: [string[], RegExp][] = [
      [['--key', signer.privatePath], /holds a private key: give the public key/],
      [['--key', join(root, 'nope.pub')], /cannot read key .*nope\.pub: ENOENT/],
      [[], /verify needs at least one --key/],
    ];
    for (const [args, pattern] of cases) {
      const r = verify(`registry:${registry.host}/app:1`, ...args);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(pattern);
    }
    const local = verify(`oci-dir:${join(root, 'app')}:latest`, '--key', signer.publicPath);
    expect(local.code).toBe(1);
    expect(local.stderr).toMatch(/is a local oci-dir source: signatures are stored in a registry/);
  });

  it('customs check --key: the signature gate passes a signed image and stops an unsigned one', () => {
    const bundle = join(root, 'bundle.json');
    writeFileSync(
      bundle,
      JSON.stringify(
        everyImageBundle([
          {
            id: 'r',
            gate: 'signature',
            trigger: 'not_signed_by',
            action: 'STOP',
            params: [{ name: 'keys', value: 'release' }],
          },
        ]),
      ),
    );
    const check = (image: string) =>
      runCli([
        'check',
        `registry:${registry.host}/${image}:1`,
        '--policy',
        bundle,
        '--ignore-db',
        '--no-cache',
        '-q',
        '--key',
        signer.publicPath,
        '--insecure-registry',
        registry.host,
        '--docker-config',
        join(root, 'none.json'),
        '-o',
        'json',
      ]);
    const good = check('app');
    expect(good.code, good.stderr).toBe(0);
    expect((JSON.parse(good.stdout) as { findings: unknown[] }).findings).toEqual([]);
    const bad = check('plain');
    expect(bad.code, bad.stderr).toBe(2);
    const findings = (JSON.parse(bad.stdout) as { findings: { trigger: string; message: string }[] })
      .findings;
    expect(findings.map((f) => f.trigger)).toEqual(['not_signed_by']);
    expect(findings[0]!.message).toContain('The image is not signed by release: no signature artifact');
  });
});
