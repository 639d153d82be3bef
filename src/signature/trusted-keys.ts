import { createHash, createPublicKey, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { KeyFormatError } from '../errors/index.js';
import type { KeyAlgorithm, KeyDescription, TrustedKey } from './types.js';

/** A key file to trust, named or not (`NAME=PATH` on the command line). */
export interface KeySource {
  path: string;
  name?: string;
}

const CURVES: Record<string, KeyAlgorithm> = {
  prime256v1: 'ecdsa-p256',
  'P-256': 'ecdsa-p256',
  secp384r1: 'ecdsa-p384',
  'P-384': 'ecdsa-p384',
  secp521r1: 'ecdsa-p521',
  'P-521': 'ecdsa-p521',
};

function algorithmOf(key: KeyObject, what: string): KeyAlgorithm {
  switch (key.asymmetricKeyType) {
    case 'rsa':
      return 'rsa';
    case 'ed25519':
      return 'ed25519';
    case 'ec': {
      const curve = key.asymmetricKeyDetails?.namedCurve ?? '';
      const algorithm = CURVES[curve];
      if (!algorithm)
        throw new KeyFormatError(
          `${what}: unsupported elliptic curve ${curve || '(unknown)'} (P-256, P-384 or P-521)`,
        );
      return algorithm;
    }
    default:
      throw new KeyFormatError(
        `${what}: unsupported key type ${key.asymmetricKeyType ?? '(unknown)'} (ECDSA, RSA or Ed25519)`,
      );
  }
}

/** Reads a PEM public key (SubjectPublicKeyInfo or PKCS#1 RSA); a private key is refused. */
export function parseTrustedKey(pem: string, name: string, path?: string): TrustedKey {
  const what = path ?? name;
  if (/-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/.test(pem)) {
    throw new KeyFormatError(`${what} holds a private key: give the public key (openssl pkey -pubout)`);
  }
  if (!/-----BEGIN (PUBLIC KEY|RSA PUBLIC KEY)-----/.test(pem)) {
    throw new KeyFormatError(`${what} is not a PEM public key (-----BEGIN PUBLIC KEY-----)`);
  }
  let key: KeyObject;
  try {
    key = createPublicKey({ key: pem, format: 'pem' });
  } catch {
    throw new KeyFormatError(`${what} is not a readable PEM public key`);
  }
  const algorithm = algorithmOf(key, what);
  const der = key.export({ type: 'spki', format: 'der' });
  const fingerprint = `sha256:${createHash('sha256').update(der).digest('hex')}`;
  return { name, ...(path !== undefined ? { path } : {}), algorithm, fingerprint, key };
}

/** Reads each key file; two sources with the same name are refused. */
export async function loadTrustedKeys(sources: readonly KeySource[]): Promise<TrustedKey[]> {
  const keys: TrustedKey[] = [];
  for (const source of sources) {
    const name = source.name ?? source.path;
    if (keys.some((k) => k.name === name)) throw new KeyFormatError(`two keys are named ${name}`);
    let pem: string;
    try {
      pem = await readFile(source.path, 'utf8');
    } catch (err) {
      throw new KeyFormatError(
        `cannot read key ${source.path}: ${(err as NodeJS.ErrnoException).code ?? 'unreadable'}`,
      );
    }
    keys.push(parseTrustedKey(pem, name, source.path));
  }
  return keys;
}

export function describeKey(key: TrustedKey): KeyDescription {
  return {
    name: key.name,
    ...(key.path !== undefined ? { path: key.path } : {}),
    algorithm: key.algorithm,
    fingerprint: key.fingerprint,
  };
}
