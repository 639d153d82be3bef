import type { KeyObject } from 'node:crypto';

/** The public-key algorithms a trusted key may use. */
export type KeyAlgorithm = 'ecdsa-p256' | 'ecdsa-p384' | 'ecdsa-p521' | 'rsa' | 'ed25519';

/** A public key the user trusts, read from a PEM file. Keys are public: never secrets. */
export interface TrustedKey {
  /** What rules and reports call it: the NAME of `NAME=PATH`, else the path as given. */
  name: string;
  /** The file it was read from, when it came from one. */
  path?: string;
  algorithm: KeyAlgorithm;
  /** `sha256:<hex>` of the DER SubjectPublicKeyInfo: the same key has the same fingerprint. */
  fingerprint: string;
  key: KeyObject;
}

/** A trusted key as results describe it (no key material). */
export interface KeyDescription {
  name: string;
  path?: string;
  algorithm: KeyAlgorithm;
  fingerprint: string;
}

/** One signature layer of a `sha256-<hex>.sig` artifact, and what checking it found. */
export interface SignatureCheck {
  /** The image digest the artifact was looked up for. */
  subject: string;
  /** The artifact's tag, `sha256-<hex>.sig`. */
  tag: string;
  /** Digest of the payload blob (the layer descriptor's). */
  layer: string;
  verified: boolean;
  /** The trusted key that verified it. */
  key?: string;
  /** Why it does not count, when not verified: one sentence. */
  reason?: string;
  /** The payload's `critical.identity.docker-reference` (reported, not enforced). */
  identity?: string;
  /** The digest the payload says it signs. */
  signedDigest?: string;
}

/** What an attestation's in-toto statement says, in brief. */
export interface AttestationSummary {
  kind: 'slsa-provenance' | 'spdx' | 'cyclonedx' | 'other';
  builderId?: string;
  buildType?: string;
  /** Materials (v0.2) or resolved dependencies (v1): their URIs, the first 20. */
  materials?: string[];
  materialCount?: number;
  documentName?: string;
  packageCount?: number;
}

/** One DSSE envelope of a `sha256-<hex>.att` artifact. */
export interface AttestationCheck {
  subject: string;
  tag: string;
  layer: string;
  payloadType?: string;
  predicateType?: string;
  /** True when a trusted key verified the envelope and the statement names the image. */
  verified: boolean;
  key?: string;
  reason?: string;
  summary?: AttestationSummary;
}

/** The result of verifying one image's signatures (and reading its attestations). */
export interface ImageVerification {
  /** The image as the caller named it. */
  reference: string;
  /** `registry/repository`; absent for a source that is not a registry. */
  repository?: string;
  /** The digests whose artifacts were looked up (an index and its platform manifest, or one). */
  subjects: string[];
  keys: KeyDescription[];
  signatures: SignatureCheck[];
  attestations: AttestationCheck[];
  /** At least one signature verified with a trusted key, for one of the subjects. */
  verified: boolean;
  /** Names of the trusted keys that verified a signature. */
  signers: string[];
  /** Why it is not verified, one sentence; absent when verified. */
  reason?: string;
}
