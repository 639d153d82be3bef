import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTrustedKeys, verifyImageSignatures } from '../../src/signature/index.js';
import type { TrustedKey } from '../../src/signature/types.js';
import { checkImage } from '../../src/usecases/check-image.js';
import { writeOciLayout } from '../helpers/oci-builder.js';
import { everyImageBundle } from '../helpers/use-case-fixtures.js';
import { tempDir } from '../helpers/temp-dir.js';
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
import { startRegistry, type RunningRegistry } from './registry-harness.js';
import { startProxy, type RunningProxy } from './test-proxy.js';

const root = tempDir('customs-signatures-');
let registry: RunningRegistry;
let proxy: RunningProxy;
const keys: Record<string, TestKey> = {};
const trusted: Record<string, TrustedKey> = {};
const digests: Record<string, string> = {};

const SLSA_V1 = 'https://slsa.dev/provenance/v1';
const SLSA_V02 = 'https://slsa.dev/provenance/v0.2';
const SPDX = 'https://spdx.dev/Document';

/** Pushes a one-layer image as `repository:1`; each repository gets different content. */
async function pushImage(repository: string): Promise<string> {
  const layout = join(root, `layout-${repository}`);
  await writeOciLayout(layout, {
    layers: [{ entries: [{ name: 'etc/app.conf', content: `name=${repository}\n` }] }],
  });
  execFileSync('skopeo', [
    'copy',
    '--quiet',
    '--dest-tls-verify=false',
    `oci:${layout}:latest`,
    `docker://${registry.host}/${repository}:1`,
  ]);
  return manifestDigest(registry.url, repository, '1');
}

const opts = () => ({
  insecureRegistries: [registry.host, proxy.host],
  dockerConfigPath: join(root, 'none.json'),
});
const verify = (repository: string, keyNames: string[], host = registry.host) =>
  verifyImageSignatures(`${host}/${repository}:1`, { ...opts(), keys: keyNames.map((n) => trusted[n]!) });

beforeAll(async () => {
  registry = await startRegistry();
  proxy = await startProxy({ upstream: registry.host });
  for (const [name, kind] of [
    ['p256', 'ecdsa-p256'],
    ['p384', 'ecdsa-p384'],
    ['rsa', 'rsa'],
    ['ed25519', 'ed25519'],
    ['other', 'ecdsa-p256'],
  ] as const) {
    const key = generateKey(root, name, kind);
    keys[name] = key;
    trusted[name] = (await loadTrustedKeys([{ name, path: key.publicPath }]))[0]!;
  }
  for (const repo of ['signed', 'tampered', 'moved', 'unsigned', 'mistyped'])
    digests[repo] = await pushImage(repo);
  const repoRef = (repo: string) => `${registry.host}/${repo}`;

  // `signed`: one signature per key kind, and attestations (SLSA v1 and v0.2, SPDX).
  const payload = simpleSigningPayload(repoRef('signed'), digests['signed']!);
  await pushArtifact(
    registry.url,
    'signed',
    digests['signed']!,
    'sig',
    ['p256', 'p384', 'rsa', 'ed25519'].map((k) => signatureLayer(keys[k]!, payload)),
  );
  await pushArtifact(registry.url, 'signed', digests['signed']!, 'att', [
    {
      mediaType: DSSE,
      bytes: dsseEnvelope(keys['p256']!, digests['signed']!, SLSA_V1, {
        buildDefinition: {
          buildType: 'https://actions.github.io/buildtypes/workflow/v1',
          resolvedDependencies: [{ uri: 'git+https://github.com/acme/app@refs/heads/main' }],
        },
        runDetails: { builder: { id: 'https://github.com/actions/runner' } },
      }),
    },
    {
      mediaType: DSSE,
      bytes: dsseEnvelope(keys['ed25519']!, digests['signed']!, SLSA_V02, {
        builder: { id: 'https://tekton.dev/chains/v2' },
        buildType: 'tekton.dev/v1beta1/TaskRun',
        materials: [{ uri: 'oci://docker.io/library/golang' }, { uri: 'git+https://git.acme.io/app' }],
      }),
    },
    {
      mediaType: DSSE,
      bytes: dsseEnvelope(keys['rsa']!, digests['signed']!, SPDX, {
        spdxVersion: 'SPDX-2.3',
        name: 'acme-app-sbom',
        packages: [{ name: 'a' }, { name: 'b' }, { name: 'c' }],
      }),
    },
  ]);

  // `tampered`: the stored payload differs by one byte from the one signed.
  const original = simpleSigningPayload(repoRef('tampered'), digests['tampered']!);
  const altered = Buffer.from(original.toString('utf8').replace('customs tests', 'customs tesTs'));
  await pushArtifact(registry.url, 'tampered', digests['tampered']!, 'sig', [
    signatureLayer(keys['p256']!, altered, original),
  ]);

  // `moved`: a valid signature of another image's digest, stored under this image's tag.
  await pushArtifact(registry.url, 'moved', digests['moved']!, 'sig', [
    signatureLayer(keys['p256']!, simpleSigningPayload(repoRef('signed'), digests['signed']!)),
  ]);

  // `mistyped`: signed, for this digest, but not an image signature payload.
  await pushArtifact(registry.url, 'mistyped', digests['mistyped']!, 'sig', [
    signatureLayer(
      keys['p256']!,
      simpleSigningPayload(repoRef('mistyped'), digests['mistyped']!, 'something else'),
    ),
  ]);
}, 120_000);

afterAll(async () => {
  await proxy?.stop();
  await registry?.stop();
});

describe('cosign signatures in a real registry, signed by openssl', () => {
  it.each(['p256', 'p384', 'rsa', 'ed25519'])('verifies with the %s key', async (name) => {
    const v = await verify('signed', [name]);
    expect(v.verified).toBe(true);
    expect(v.signers).toEqual([name]);
    expect(v.subjects).toEqual([digests['signed']]);
    expect(v.reason).toBeUndefined();
    const verified = v.signatures.filter((s) => s.verified);
    expect(verified).toHaveLength(1);
    expect(verified[0]).toMatchObject({
      key: name,
      signedDigest: digests['signed'],
      identity: `${registry.host}/signed`,
      tag: `${digests['signed']!.replace(':', '-')}.sig`,
    });
    // The other three signatures are there and do not verify with this key.
    expect(v.signatures.filter((s) => !s.verified).map((s) => s.reason)).toEqual(
      Array(3).fill('no trusted key verifies the signature'),
    );
  });

  it('counts every trusted key that signed', async () => {
    const v = await verify('signed', ['rsa', 'other', 'ed25519']);
    expect(v.verified).toBe(true);
    expect(v.signers.sort()).toEqual(['ed25519', 'rsa']);
  });

  it('a wrong key does not verify', async () => {
    const v = await verify('signed', ['other']);
    expect(v.verified).toBe(false);
    expect(v.signers).toEqual([]);
    expect(v.reason).toBe('no trusted key verifies the signature');
  });

  it('a tampered payload does not verify', async () => {
    const v = await verify('tampered', ['p256']);
    expect(v.verified).toBe(false);
    expect(v.signatures).toHaveLength(1);
    expect(v.signatures[0]!.reason).toBe('no trusted key verifies the signature');
  });

  it('a signature for another digest does not count', async () => {
    const v = await verify('moved', ['p256']);
    expect(v.verified).toBe(false);
    expect(v.signatures[0]).toMatchObject({ verified: false, key: 'p256', signedDigest: digests['signed'] });
    expect(v.reason).toBe(`signature is for ${digests['signed']} not ${digests['moved']}`);
  });

  it('a payload of another type does not count', async () => {
    const v = await verify('mistyped', ['p256']);
    expect(v.verified).toBe(false);
    expect(v.reason).toBe('the payload\'s type is "something else", not "cosign container image signature"');
  });

  it('an image without a .sig tag is unsigned', async () => {
    const v = await verify('unsigned', ['p256']);
    expect(v.verified).toBe(false);
    expect(v.signatures).toEqual([]);
    expect(v.attestations).toEqual([]);
    expect(v.reason).toBe(
      `no signature artifact (tag ${digests['unsigned']!.replace(':', '-')}.sig) in ${registry.host}/unsigned`,
    );
  });

  it('a payload whose bytes do not match its descriptor does not count', async () => {
    proxy.misbehaviour = 'corrupt-blobs';
    try {
      const v = await verify('signed', ['p256'], proxy.host);
      expect(v.verified).toBe(false);
      expect(v.signatures.map((s) => s.reason)).toEqual(
        Array(4).fill('payload digest does not match its descriptor'),
      );
    } finally {
      proxy.misbehaviour = 'none';
    }
  });

  it('verifies by digest as well as by tag', async () => {
    const v = await verifyImageSignatures(`${registry.host}/signed@${digests['signed']}`, {
      ...opts(),
      keys: [trusted['ed25519']!],
    });
    expect(v.verified).toBe(true);
  });

  it('reads the attestations and verifies each against the keys', async () => {
    const v = await verify('signed', ['p256', 'ed25519']);
    expect(v.attestations.map((a) => [a.predicateType, a.verified, a.key ?? null, a.reason ?? null])).toEqual(
      [
        [SLSA_V1, true, 'p256', null],
        [SLSA_V02, true, 'ed25519', null],
        [SPDX, false, null, 'no trusted key verifies the envelope'],
      ],
    );
    expect(v.attestations[0]!.summary).toEqual({
      kind: 'slsa-provenance',
      builderId: 'https://github.com/actions/runner',
      buildType: 'https://actions.github.io/buildtypes/workflow/v1',
      materials: ['git+https://github.com/acme/app@refs/heads/main'],
      materialCount: 1,
    });
    expect(v.attestations[1]!.summary).toMatchObject({
      builderId: 'https://tekton.dev/chains/v2',
      buildType: 'tekton.dev/v1beta1/TaskRun',
      materialCount: 2,
    });
    expect(v.attestations[2]!.summary).toEqual({
      kind: 'spdx',
      documentName: 'acme-app-sbom',
      packageCount: 3,
    });
    const rsa = await verify('signed', ['rsa']);
    expect(rsa.attestations[2]).toMatchObject({ verified: true, key: 'rsa' });
  });
});

describe('the signature gate in checkImage', () => {
  const bundle = (rules: unknown[]) => ({
    name: 'signature-bundle',
    document: everyImageBundle(rules, 'signature-bundle'),
  });
  const rules = [
    { id: 'signed', gate: 'signature', trigger: 'unsigned', action: 'STOP', params: [] },
    {
      id: 'release',
      gate: 'signature',
      trigger: 'not_signed_by',
      action: 'STOP',
      params: [{ name: 'keys', value: 'rsa' }],
    },
    {
      id: 'provenance',
      gate: 'signature',
      trigger: 'attestation_missing',
      action: 'WARN',
      params: [{ name: 'predicate_type', value: 'https://slsa.dev/provenance/*' }],
    },
  ];

  it('passes an image the required keys signed, and stops an unsigned one', async () => {
    const good = await checkImage(`registry:${registry.host}/signed:1`, bundle(rules), {
      ...opts(),
      trustedKeys: [trusted['rsa']!, trusted['ed25519']!],
    });
    expect(good.result.findings).toEqual([]);
    expect(good.result.finalAction).toBe('go');
    expect(good.signatures?.signers.sort()).toEqual(['ed25519', 'rsa']);

    const bad = await checkImage(`registry:${registry.host}/unsigned:1`, bundle(rules), {
      ...opts(),
      trustedKeys: [trusted['rsa']!],
    });
    expect(bad.result.finalAction).toBe('stop');
    expect(bad.result.findings.map((f) => [f.trigger, f.action])).toEqual([
      ['unsigned', 'stop'],
      ['not_signed_by', 'stop'],
      ['attestation_missing', 'warn'],
    ]);
    expect(bad.result.findings[0]!.message).toContain('no signature artifact');
  });

  it('fails closed for a local source, which has no registry signatures', async () => {
    const r = await checkImage(`oci-dir:${join(root, 'layout-signed')}:latest`, bundle(rules.slice(0, 1)), {
      trustedKeys: [trusted['rsa']!],
    });
    expect(r.result.finalAction).toBe('stop');
    expect(r.result.findings[0]!.message).toBe(
      'The image is not signed by a trusted key: the image comes from a local oci-dir source, which holds no registry signatures',
    );
  });

  it('does not touch the registry for signatures when no rule uses the gate', async () => {
    const r = await checkImage(
      `registry:${registry.host}/unsigned:1`,
      bundle([{ id: 'a', gate: 'always', trigger: 'always', action: 'WARN', params: [] }]),
      opts(),
    );
    expect(r.signatures).toBeUndefined();
  });
});
