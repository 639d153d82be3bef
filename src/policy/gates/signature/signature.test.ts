import { describe, expect, it } from 'vitest';
import { fire, gateContext, policySbom, triggerOf } from '../../../../test/helpers/policy-sbom.js';
import type { AttestationCheck, ImageVerification, KeyDescription } from '../../../signature/types.js';
import type { GateContext, ParamValue } from '../types.js';
import { signatureGate } from './index.js';

const D = 'sha256:' + 'd'.repeat(64);
const key = (name: string, path?: string): KeyDescription => ({
  name,
  ...(path ? { path } : {}),
  algorithm: 'ecdsa-p256',
  fingerprint: 'sha256:' + name.padEnd(64, '0').slice(0, 64),
});
const slsa: AttestationCheck = {
  subject: D,
  tag: 'sha256-d.att',
  layer: D,
  predicateType: 'https://slsa.dev/provenance/v1',
  verified: true,
  key: 'release',
};

function verification(extra: Partial<ImageVerification> = {}): ImageVerification {
  return {
    reference: 'docker.io/acme/polyglot:1',
    repository: 'docker.io/acme/polyglot',
    subjects: [D],
    keys: [key('release', 'keys/release.pub'), key('ci', '/etc/customs/ci-key.pem')],
    signatures: [],
    attestations: [],
    verified: true,
    signers: ['release'],
    ...extra,
  };
}

const withSignatures = (v: ImageVerification): GateContext => gateContext(policySbom(), { signatures: v });
const signed = withSignatures(verification());
const unsignedImage = withSignatures(
  verification({ verified: false, signers: [], reason: 'no trusted key verifies the signature' }),
);
const bothSigned = withSignatures(verification({ signers: ['release', 'ci'] }));
const notComputed = gateContext();

const cases: [string, string, GateContext, Record<string, ParamValue>, string[]][] = [
  ['unsigned: quiet when a trusted key signed', 'unsigned', signed, {}, []],
  ['unsigned: fires when none did', 'unsigned', unsignedImage, {}, ['unsigned']],
  ['unsigned: fires when verification did not run', 'unsigned', notComputed, {}, ['not verified']],
  ['unsigned: min_signers 2 with one signer fires', 'unsigned', signed, { min_signers: 2 }, ['signers<2']],
  ['unsigned: min_signers 2 with two signers is quiet', 'unsigned', bothSigned, { min_signers: 2 }, []],
  ['not_signed_by: quiet for a key that signed', 'not_signed_by', signed, { keys: ['release'] }, []],
  ['not_signed_by: names a key by its file', 'not_signed_by', signed, { keys: ['keys/release.pub'] }, []],
  ['not_signed_by: names a key by its file name', 'not_signed_by', signed, { keys: ['release.pub'] }, []],
  [
    'not_signed_by: fires for a listed key that did not sign',
    'not_signed_by',
    signed,
    { keys: ['release', 'ci-key'] },
    ['key:ci-key'],
  ],
  [
    'not_signed_by: fires for a key that was not supplied',
    'not_signed_by',
    signed,
    { keys: ['qa'] },
    ['key:qa'],
  ],
  [
    'not_signed_by: fires when verification did not run',
    'not_signed_by',
    notComputed,
    { keys: ['release'] },
    ['not verified'],
  ],
  [
    'attestation_missing: quiet for a verified attestation of that type',
    'attestation_missing',
    withSignatures(verification({ attestations: [slsa] })),
    { predicate_type: 'https://slsa.dev/provenance/v1' },
    [],
  ],
  [
    'attestation_missing: a trailing * matches any version',
    'attestation_missing',
    withSignatures(verification({ attestations: [slsa] })),
    { predicate_type: 'https://slsa.dev/provenance/*' },
    [],
  ],
  [
    'attestation_missing: fires when the type is absent',
    'attestation_missing',
    withSignatures(verification({ attestations: [slsa] })),
    { predicate_type: 'https://spdx.dev/Document' },
    ['attestation:https://spdx.dev/Document'],
  ],
  [
    'attestation_missing: an unverified attestation does not count',
    'attestation_missing',
    withSignatures(
      verification({
        attestations: [{ ...slsa, verified: false, reason: 'no trusted key verifies the envelope' }],
      }),
    ),
    { predicate_type: 'https://slsa.dev/provenance/v1' },
    ['attestation:https://slsa.dev/provenance/v1'],
  ],
  [
    'attestation_missing: verified=false counts an unverified one',
    'attestation_missing',
    withSignatures(verification({ attestations: [{ ...slsa, verified: false }] })),
    { predicate_type: 'https://slsa.dev/provenance/v1', verified: false },
    [],
  ],
];

describe('signature gate', () => {
  it.each(cases)('%s', (_, trigger, context, params, expected) => {
    expect(fire(signatureGate, trigger, context, params)).toEqual(expected);
  });

  it('says why the image is not signed', () => {
    const [firing] = triggerOf(signatureGate, 'unsigned').evaluate(unsignedImage, {});
    expect(firing?.message).toBe(
      'The image is not signed by a trusted key: no trusted key verifies the signature',
    );
    const [missing] = triggerOf(signatureGate, 'not_signed_by').evaluate(signed, { keys: ['qa'] });
    expect(missing?.message).toBe('No trusted key qa was supplied, so its signature cannot be verified');
  });
});
