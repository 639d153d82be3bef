import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  generateKey,
  opensslSign,
  simpleSigningPayload,
  type TestKey,
  type TestKeyKind,
} from '../../test/helpers/cosign-artifacts.js';
import { tempDir } from '../../test/helpers/temp-dir.js';
import { KeyFormatError } from '../errors/index.js';
import type { ArtifactLayer } from './artifact-fetch.js';
import { checkSignatureLayer, SIGNATURE_ANNOTATION, SIMPLE_SIGNING_MEDIA_TYPE } from './check-signature.js';
import { preAuthEncoding } from './dsse.js';
import { parseTrustedKey } from './trusted-keys.js';
import type { TrustedKey } from './types.js';

const dir = tempDir('customs-sig-unit-');
const D = 'sha256:' + 'a'.repeat(64);
const E = 'sha256:' + 'e'.repeat(64);
const KINDS: TestKeyKind[] = ['ecdsa-p256', 'ecdsa-p384', 'rsa', 'ed25519'];
const made = new Map<TestKeyKind, { test: TestKey; trusted: TrustedKey }>();
function keyOf(kind: TestKeyKind): { test: TestKey; trusted: TrustedKey } {
  let entry = made.get(kind);
  if (!entry) {
    const test = generateKey(dir, kind, kind);
    entry = { test, trusted: parseTrustedKey(readFileSync(test.publicPath, 'utf8'), kind, test.publicPath) };
    made.set(kind, entry);
  }
  return entry;
}

function layer(
  bytes: Buffer,
  signature: string | undefined,
  extra: Record<string, string> = {},
): ArtifactLayer {
  return {
    descriptor: {
      mediaType: SIMPLE_SIGNING_MEDIA_TYPE,
      digest: D,
      size: bytes.length,
      annotations: { ...(signature !== undefined ? { [SIGNATURE_ANNOTATION]: signature } : {}), ...extra },
    },
    bytes,
  };
}

describe('trusted keys', () => {
  it.each(KINDS)('reads an openssl %s public key', (kind) => {
    const { trusted } = keyOf(kind);
    expect(trusted.algorithm).toBe(kind);
    expect(trusted.fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('refuses a private key, saying so', () => {
    const pem = readFileSync(keyOf('ecdsa-p256').test.privatePath, 'utf8');
    expect(() => parseTrustedKey(pem, 'k', 'k.key')).toThrow(KeyFormatError);
    expect(() => parseTrustedKey(pem, 'k', 'k.key')).toThrow(
      'k.key holds a private key: give the public key',
    );
  });

  it('refuses text that is not a PEM public key, and a curve it does not support', () => {
    expect(() => parseTrustedKey('hello', 'k', 'k.pub')).toThrow('k.pub is not a PEM public key');
    const broken = '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n';
    expect(() => parseTrustedKey(broken, 'k')).toThrow('k is not a readable PEM public key');
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'secp256k1' });
    const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(() => parseTrustedKey(pem, 'k')).toThrow('k: unsupported elliptic curve secp256k1');
  });
});

describe('checkSignatureLayer', () => {
  const payload = simpleSigningPayload('registry.acme.io/app', D);

  it.each(KINDS)('verifies an openssl %s signature over the exact payload', (kind) => {
    const { test, trusted } = keyOf(kind);
    const check = checkSignatureLayer(layer(payload, opensslSign(test, payload)), D, 't', [trusted]);
    expect(check).toEqual({
      subject: D,
      tag: 't',
      layer: D,
      verified: true,
      key: kind,
      signedDigest: D,
      identity: 'registry.acme.io/app',
    });
  });

  it('does not verify a payload that differs from the one signed', () => {
    const { test, trusted } = keyOf('ed25519');
    const other = simpleSigningPayload('registry.acme.io/app2', D);
    const check = checkSignatureLayer(layer(other, opensslSign(test, payload)), D, 't', [trusted]);
    expect(check.reason).toBe('no trusted key verifies the signature');
  });

  it('does not verify with another key, and names keyless signatures', () => {
    const sig = opensslSign(keyOf('ecdsa-p256').test, payload);
    const others = [keyOf('rsa').trusted, keyOf('ed25519').trusted];
    expect(checkSignatureLayer(layer(payload, sig), D, 't', others).reason).toBe(
      'no trusted key verifies the signature',
    );
    const keyless = layer(payload, sig, { 'dev.sigstore.cosign/certificate': '-----BEGIN CERTIFICATE-----' });
    expect(checkSignatureLayer(keyless, D, 't', others).reason).toContain(
      'keyless signatures are not verified',
    );
  });

  it('refuses a signature of another digest, a missing annotation and another media type', () => {
    const { test, trusted } = keyOf('ecdsa-p256');
    expect(checkSignatureLayer(layer(payload, opensslSign(test, payload)), E, 't', [trusted]).reason).toBe(
      `signature is for ${D} not ${E}`,
    );
    expect(checkSignatureLayer(layer(payload, undefined), D, 't', [trusted]).reason).toBe(
      `the layer has no base64 ${SIGNATURE_ANNOTATION} annotation`,
    );
    const wrongType = layer(payload, opensslSign(test, payload));
    wrongType.descriptor.mediaType = 'application/json';
    expect(checkSignatureLayer(wrongType, D, 't', [trusted]).reason).toBe(
      `the layer's media type is application/json, not ${SIMPLE_SIGNING_MEDIA_TYPE}`,
    );
  });

  it('reports a payload that did not match its descriptor', () => {
    const check = checkSignatureLayer(
      {
        descriptor: layer(payload, 'AA==').descriptor,
        problem: 'payload digest does not match its descriptor',
      },
      D,
      't',
      [keyOf('rsa').trusted],
    );
    expect(check).toMatchObject({ verified: false, reason: 'payload digest does not match its descriptor' });
  });
});

describe('DSSE', () => {
  it('pre-authentication encoding matches the specification', () => {
    expect(preAuthEncoding('http://example.com/HelloWorld', Buffer.from('hello world')).toString()).toBe(
      'DSSEv1 29 http://example.com/HelloWorld 11 hello world',
    );
  });
});
