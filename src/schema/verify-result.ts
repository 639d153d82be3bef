import { Type } from '@sinclair/typebox';

const digest = (description: string) => Type.String({ description });

export const KeyDescriptionSchema = Type.Object({
  name: Type.String({
    description: 'What rules and reports call the key: NAME of NAME=FILE, else the file as given.',
  }),
  path: Type.Optional(Type.String()),
  algorithm: Type.Union([
    Type.Literal('ecdsa-p256'),
    Type.Literal('ecdsa-p384'),
    Type.Literal('ecdsa-p521'),
    Type.Literal('rsa'),
    Type.Literal('ed25519'),
  ]),
  fingerprint: digest('sha256 of the DER SubjectPublicKeyInfo.'),
});

export const SignatureCheckSchema = Type.Object({
  subject: digest('The image digest the artifact was looked up for.'),
  tag: Type.String({ description: 'The artifact tag, sha256-<hex>.sig.' }),
  layer: digest('Digest of the payload blob.'),
  verified: Type.Boolean(),
  key: Type.Optional(Type.String({ description: 'The trusted key that verified it.' })),
  reason: Type.Optional(Type.String({ description: 'Why it does not count.' })),
  identity: Type.Optional(Type.String({ description: "The payload's docker-reference (not enforced)." })),
  signedDigest: Type.Optional(digest('The digest the payload says it signs.')),
});

export const AttestationSummarySchema = Type.Object({
  kind: Type.Union([
    Type.Literal('slsa-provenance'),
    Type.Literal('spdx'),
    Type.Literal('cyclonedx'),
    Type.Literal('other'),
  ]),
  builderId: Type.Optional(Type.String()),
  buildType: Type.Optional(Type.String()),
  materials: Type.Optional(Type.Array(Type.String(), { description: 'The first 20 URIs.' })),
  materialCount: Type.Optional(Type.Number()),
  documentName: Type.Optional(Type.String()),
  packageCount: Type.Optional(Type.Number()),
});

export const AttestationCheckSchema = Type.Object({
  subject: Type.String(),
  tag: Type.String({ description: 'The artifact tag, sha256-<hex>.att.' }),
  layer: Type.String(),
  payloadType: Type.Optional(Type.String()),
  predicateType: Type.Optional(Type.String()),
  verified: Type.Boolean({
    description: 'A trusted key signed the envelope and the statement names the image.',
  }),
  key: Type.Optional(Type.String()),
  reason: Type.Optional(Type.String()),
  summary: Type.Optional(AttestationSummarySchema),
});

export const ImageVerificationSchema = Type.Object({
  reference: Type.String(),
  repository: Type.Optional(Type.String({ description: 'registry/repository.' })),
  subjects: Type.Array(Type.String(), { description: 'The digests whose artifacts were looked up.' }),
  keys: Type.Array(KeyDescriptionSchema),
  signatures: Type.Array(SignatureCheckSchema),
  attestations: Type.Array(AttestationCheckSchema),
  verified: Type.Boolean({
    description: 'A signature verified with a trusted key, for one of the subjects.',
  }),
  signers: Type.Array(Type.String(), { description: 'The trusted keys that verified a signature.' }),
  reason: Type.Optional(Type.String({ description: 'Why it is not verified.' })),
});

/** `customs verify -o json`. */
export const VerifyDocumentSchema = Type.Object(
  { schema: Type.Literal('customs-verify/1'), ...ImageVerificationSchema.properties },
  { title: 'Customs signature verification (customs-verify/1)' },
);
