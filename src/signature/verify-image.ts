import { parseImageReference, registryApiHost } from '../source/reference/index.js';
import { fetchManifest } from '../source/registry/manifest-fetch.js';
import { RegistryClient, type RegistryClientOptions } from '../source/registry/registry-client.js';
import { fetchArtifact } from './artifact-fetch.js';
import { checkAttestationLayer } from './check-attestation.js';
import { checkSignatureLayer } from './check-signature.js';
import { describeKey } from './trusted-keys.js';
import type { AttestationCheck, ImageVerification, SignatureCheck, TrustedKey } from './types.js';

/** A simple-signing payload is a few hundred bytes; cosign refuses far less than this. */
const MAX_SIGNATURE_PAYLOAD = 1024 * 1024;
/** An attestation may carry a whole SBOM. */
const MAX_ATTESTATION_ENVELOPE = 64 * 1024 * 1024;

export interface VerifyImageOptions extends RegistryClientOptions {
  keys: readonly TrustedKey[];
  /**
   * The digests to check (an analysed image's index and manifest digests), instead of the one
   * the reference resolves to now: what was analysed is what is verified.
   */
  digests?: readonly string[];
  /** Read the `.att` attestations too (default true). */
  attestations?: boolean;
}

/**
 * Verifies the cosign signatures of a registry image offline against trusted public keys: for
 * each subject digest, the `sha256-<hex>.sig` artifact in the same repository, and the
 * `sha256-<hex>.att` attestations. Registry failures are errors; what the artifacts hold (or
 * their absence) is the result, with a reason for each signature that does not count.
 */
export async function verifyImageSignatures(
  reference: string,
  options: VerifyImageOptions,
): Promise<ImageVerification> {
  const ref = parseImageReference(reference);
  const { keys, digests, attestations: readAttestations = true, ...clientOptions } = options;
  const client = new RegistryClient(
    ref.registry,
    registryApiHost(ref.registry),
    ref.repository,
    clientOptions,
  );
  const repository = `${ref.registry}/${ref.repository}`;
  try {
    let subjects = digests ? [...new Set(digests)] : [];
    if (subjects.length === 0) {
      const what = ref.digest
        ? `${ref.repository}@${ref.digest}`
        : `${ref.repository}:${ref.tag ?? 'latest'}`;
      const top = await fetchManifest(client, ref.digest ?? ref.tag ?? 'latest', what, ref.digest);
      subjects = [top.digest];
    }
    const signatures: SignatureCheck[] = [];
    const attestations: AttestationCheck[] = [];
    const missing: string[] = [];
    for (const subject of subjects) {
      const artifact = await fetchArtifact(client, subject, 'sig', MAX_SIGNATURE_PAYLOAD);
      if (!artifact)
        missing.push(`no signature artifact (tag ${subject.replace(':', '-')}.sig) in ${repository}`);
      else if (artifact.layers.length === 0)
        missing.push(`signature artifact ${artifact.tag} in ${repository} holds no signatures`);
      for (const layer of artifact?.layers ?? []) {
        signatures.push(checkSignatureLayer(layer, subject, artifact!.tag, keys));
      }
      if (!readAttestations) continue;
      const att = await fetchArtifact(client, subject, 'att', MAX_ATTESTATION_ENVELOPE);
      for (const layer of att?.layers ?? []) {
        attestations.push(checkAttestationLayer(layer, subject, att!.tag, keys));
      }
    }
    const signers = [...new Set(signatures.filter((s) => s.verified && s.key).map((s) => s.key!))];
    const verified = signers.length > 0;
    const reasons = [...new Set([...signatures.map((s) => s.reason), ...missing])].filter(
      (r): r is string => r !== undefined,
    );
    return {
      reference,
      repository,
      subjects,
      keys: keys.map(describeKey),
      signatures,
      attestations,
      verified,
      signers,
      ...(verified
        ? {}
        : {
            reason:
              keys.length === 0
                ? 'no trusted keys were given'
                : reasons.join('; ') || 'no signature verifies',
          }),
    };
  } finally {
    await client.close();
  }
}
