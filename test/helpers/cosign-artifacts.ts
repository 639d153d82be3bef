/**
 * Signs images the way cosign lays signatures out, with the openssl CLI as the signer: keys from
 * `openssl genpkey`, signatures from `openssl dgst -sha256 -sign` (ECDSA, RSA) and `openssl
 * pkeyutl -sign -rawin` (Ed25519), pushed to a real registry with plain HTTP calls.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export type TestKeyKind = 'ecdsa-p256' | 'ecdsa-p384' | 'rsa' | 'ed25519';

export interface TestKey {
  kind: TestKeyKind;
  privatePath: string;
  publicPath: string;
}

const GENPKEY_ARGS: Record<TestKeyKind, string[]> = {
  'ecdsa-p256': ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256'],
  'ecdsa-p384': ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-384'],
  rsa: ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048'],
  ed25519: ['-algorithm', 'ED25519'],
};

/** A fresh key pair in `dir`: `<name>.key` (private) and `<name>.pub` (PEM public key). */
export function generateKey(dir: string, name: string, kind: TestKeyKind): TestKey {
  const privatePath = join(dir, `${name}.key`);
  const publicPath = join(dir, `${name}.pub`);
  execFileSync('openssl', ['genpkey', ...GENPKEY_ARGS[kind], '-out', privatePath], { stdio: 'pipe' });
  execFileSync('openssl', ['pkey', '-in', privatePath, '-pubout', '-out', publicPath], { stdio: 'pipe' });
  return { kind, privatePath, publicPath };
}

let counter = 0;

/** openssl's signature over `data`, base64: SHA-256 for ECDSA (DER) and RSA (PKCS#1 v1.5). */
export function opensslSign(key: TestKey, data: Buffer): string {
  const file = join(key.privatePath + `.data-${process.pid}-${counter++}`);
  writeFileSync(file, data);
  const signature =
    key.kind === 'ed25519'
      ? execFileSync('openssl', ['pkeyutl', '-sign', '-inkey', key.privatePath, '-rawin', '-in', file])
      : execFileSync('openssl', ['dgst', '-sha256', '-sign', key.privatePath, file]);
  return signature.toString('base64');
}

export const sha256 = (bytes: Buffer): string => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

/** A cosign simple-signing payload for `digest` in `repository`, as cosign writes it. */
export function simpleSigningPayload(
  repository: string,
  digest: string,
  type = 'cosign container image signature',
): Buffer {
  return Buffer.from(
    JSON.stringify({
      critical: {
        identity: { 'docker-reference': repository },
        image: { 'docker-manifest-digest': digest },
        type,
      },
      optional: { creator: 'customs tests' },
    }),
  );
}

/** DSSE's pre-authentication encoding, written out from the DSSE specification. */
export function pae(payloadType: string, payload: Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(`DSSEv1 ${Buffer.byteLength(payloadType)} ${payloadType} ${payload.length} `),
    payload,
  ]);
}

/** A DSSE envelope of an in-toto statement about `digest`, signed by `key`. */
export function dsseEnvelope(
  key: TestKey,
  digest: string,
  predicateType: string,
  predicate: unknown,
): Buffer {
  const payloadType = 'application/vnd.in-toto+json';
  const statement = Buffer.from(
    JSON.stringify({
      _type: 'https://in-toto.io/Statement/v1',
      subject: [{ name: 'image', digest: { sha256: digest.slice('sha256:'.length) } }],
      predicateType,
      predicate,
    }),
  );
  return Buffer.from(
    JSON.stringify({
      payloadType,
      payload: statement.toString('base64'),
      signatures: [{ keyid: '', sig: opensslSign(key, pae(payloadType, statement)) }],
    }),
  );
}

/** `POST` an upload, then `PUT` the bytes with their digest: the registry checks the digest. */
export async function pushBlob(registryUrl: string, repository: string, bytes: Buffer): Promise<string> {
  const digest = sha256(bytes);
  const start = await fetch(`${registryUrl}/v2/${repository}/blobs/uploads/`, { method: 'POST' });
  await start.arrayBuffer();
  if (start.status !== 202) throw new Error(`upload start: HTTP ${start.status}`);
  const location = new URL(start.headers.get('location') ?? '', registryUrl);
  location.searchParams.set('digest', digest);
  const put = await fetch(location, {
    method: 'PUT',
    headers: { 'content-type': 'application/octet-stream' },
    body: bytes,
  });
  await put.arrayBuffer();
  if (put.status !== 201) throw new Error(`blob upload: HTTP ${put.status}`);
  return digest;
}

export async function pushManifest(
  registryUrl: string,
  repository: string,
  tag: string,
  manifest: unknown,
): Promise<string> {
  const bytes = Buffer.from(JSON.stringify(manifest));
  const res = await fetch(`${registryUrl}/v2/${repository}/manifests/${tag}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/vnd.oci.image.manifest.v1+json' },
    body: bytes,
  });
  const text = await res.text();
  if (res.status !== 201) throw new Error(`manifest ${tag}: HTTP ${res.status} ${text}`);
  return sha256(bytes);
}

export interface ArtifactLayerSpec {
  bytes: Buffer;
  mediaType: string;
  annotations?: Record<string, string>;
}

/** Pushes a cosign-style artifact manifest tagged `sha256-<hex>.<suffix>` for `subject`. */
export async function pushArtifact(
  registryUrl: string,
  repository: string,
  subject: string,
  suffix: 'sig' | 'att',
  layers: ArtifactLayerSpec[],
): Promise<void> {
  const diffIds: string[] = [];
  const descriptors = [];
  for (const layer of layers) {
    const digest = await pushBlob(registryUrl, repository, layer.bytes);
    diffIds.push(digest);
    descriptors.push({
      mediaType: layer.mediaType,
      size: layer.bytes.length,
      digest,
      ...(layer.annotations ? { annotations: layer.annotations } : {}),
    });
  }
  const config = Buffer.from(
    JSON.stringify({ architecture: '', os: '', config: {}, rootfs: { type: 'layers', diff_ids: diffIds } }),
  );
  const configDigest = await pushBlob(registryUrl, repository, config);
  await pushManifest(registryUrl, repository, `${subject.replace(':', '-')}.${suffix}`, {
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config: {
      mediaType: 'application/vnd.oci.image.config.v1+json',
      size: config.length,
      digest: configDigest,
    },
    layers: descriptors,
  });
}

export const SIMPLE_SIGNING = 'application/vnd.dev.cosign.simplesigning.v1+json';
export const DSSE = 'application/vnd.dsse.envelope.v1+json';

/** A `.sig` layer: `payload` with openssl's signature over `signedBytes` (default the payload). */
export function signatureLayer(
  key: TestKey,
  payload: Buffer,
  signedBytes: Buffer = payload,
): ArtifactLayerSpec {
  return {
    bytes: payload,
    mediaType: SIMPLE_SIGNING,
    annotations: { 'dev.cosignproject.cosign/signature': opensslSign(key, signedBytes) },
  };
}

/** The digest a registry gives for `repository:tag` (HEAD, OCI and Docker manifests accepted). */
export async function manifestDigest(registryUrl: string, repository: string, tag: string): Promise<string> {
  const res = await fetch(`${registryUrl}/v2/${repository}/manifests/${tag}`, {
    method: 'HEAD',
    headers: {
      accept:
        'application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json',
    },
  });
  const digest = res.headers.get('docker-content-digest');
  if (res.status !== 200 || !digest) throw new Error(`no manifest ${repository}:${tag} (HTTP ${res.status})`);
  return digest;
}
