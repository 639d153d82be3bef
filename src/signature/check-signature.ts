import type { ArtifactLayer } from './artifact-fetch.js';
import { parseSimpleSigning, SIMPLE_SIGNING_TYPE } from './simple-signing.js';
import type { SignatureCheck, TrustedKey } from './types.js';
import { decodeBase64, keyThatVerifies } from './verify-bytes.js';

export const SIMPLE_SIGNING_MEDIA_TYPE = 'application/vnd.dev.cosign.simplesigning.v1+json';
export const SIGNATURE_ANNOTATION = 'dev.cosignproject.cosign/signature';
const CERTIFICATE_ANNOTATION = 'dev.sigstore.cosign/certificate';
const BUNDLE_ANNOTATION = 'dev.sigstore.cosign/bundle';

/**
 * Checks one layer of a `.sig` artifact for `subject`, in order: the payload's bytes match the
 * descriptor, a trusted key's signature (the layer's annotation) covers those exact bytes, the
 * payload is a simple-signing payload of the right type, and it names `subject`.
 */
export function checkSignatureLayer(
  layer: ArtifactLayer,
  subject: string,
  tag: string,
  keys: readonly TrustedKey[],
): SignatureCheck {
  const base = { subject, tag, layer: layer.descriptor.digest };
  const fail = (reason: string, extra: Partial<SignatureCheck> = {}): SignatureCheck => ({
    ...base,
    verified: false,
    reason,
    ...extra,
  });
  if (layer.descriptor.mediaType !== SIMPLE_SIGNING_MEDIA_TYPE) {
    return fail(`the layer's media type is ${layer.descriptor.mediaType}, not ${SIMPLE_SIGNING_MEDIA_TYPE}`);
  }
  if (!layer.bytes) return fail(layer.problem ?? 'the payload could not be read');
  const annotations = layer.descriptor.annotations ?? {};
  const encoded = annotations[SIGNATURE_ANNOTATION];
  const signature = typeof encoded === 'string' ? decodeBase64(encoded) : undefined;
  if (!signature) {
    return fail(`the layer has no base64 ${SIGNATURE_ANNOTATION} annotation`);
  }
  if (keys.length === 0) return fail('no trusted keys were given');
  const key = keyThatVerifies(keys, layer.bytes, signature);
  if (!key) {
    const keyless = annotations[CERTIFICATE_ANNOTATION] ?? annotations[BUNDLE_ANNOTATION];
    return fail(
      keyless
        ? 'no trusted key verifies the signature (it carries a Sigstore certificate or bundle: keyless signatures are not verified)'
        : 'no trusted key verifies the signature',
    );
  }
  const payload = parseSimpleSigning(layer.bytes);
  if (typeof payload === 'string') return fail(payload, { key: key.name });
  const described = {
    key: key.name,
    signedDigest: payload.digest,
    ...(payload.identity !== undefined ? { identity: payload.identity } : {}),
  };
  if (payload.type !== SIMPLE_SIGNING_TYPE) {
    return fail(`the payload's type is "${payload.type}", not "${SIMPLE_SIGNING_TYPE}"`, described);
  }
  if (payload.digest.toLowerCase() !== subject.toLowerCase()) {
    return fail(`signature is for ${payload.digest} not ${subject}`, described);
  }
  return { ...base, verified: true, ...described };
}
