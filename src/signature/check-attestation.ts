import type { ArtifactLayer } from './artifact-fetch.js';
import { DSSE_MEDIA_TYPE, IN_TOTO_PAYLOAD_TYPE, parseDsseEnvelope, preAuthEncoding } from './dsse.js';
import { parseStatement, summariseStatement } from './in-toto-statement.js';
import type { AttestationCheck, TrustedKey } from './types.js';
import { keyThatVerifies } from './verify-bytes.js';

/**
 * Reads one layer of a `.att` artifact for `subject`: a DSSE envelope holding an in-toto
 * statement. It is verified when a trusted key signed the envelope (over DSSE's PAE) and the
 * statement's subjects include `subject`; its predicate type and summary are read either way.
 */
export function checkAttestationLayer(
  layer: ArtifactLayer,
  subject: string,
  tag: string,
  keys: readonly TrustedKey[],
): AttestationCheck {
  const base = { subject, tag, layer: layer.descriptor.digest };
  if (layer.descriptor.mediaType !== DSSE_MEDIA_TYPE) {
    return {
      ...base,
      verified: false,
      reason: `the layer's media type is ${layer.descriptor.mediaType}, not ${DSSE_MEDIA_TYPE}`,
    };
  }
  if (!layer.bytes)
    return { ...base, verified: false, reason: layer.problem ?? 'the envelope could not be read' };
  const envelope = parseDsseEnvelope(layer.bytes);
  if (typeof envelope === 'string') return { ...base, verified: false, reason: envelope };
  const read = { ...base, payloadType: envelope.payloadType };
  if (envelope.payloadType !== IN_TOTO_PAYLOAD_TYPE) {
    return {
      ...read,
      verified: false,
      reason: `the payload type is ${envelope.payloadType}, not ${IN_TOTO_PAYLOAD_TYPE}`,
    };
  }
  const statement = parseStatement(envelope.payload);
  if (typeof statement === 'string') return { ...read, verified: false, reason: statement };
  const described = {
    ...read,
    predicateType: statement.predicateType,
    summary: summariseStatement(statement),
  };
  if (keys.length === 0) return { ...described, verified: false, reason: 'no trusted keys were given' };
  const signed = preAuthEncoding(envelope.payloadType, envelope.payload);
  let key: TrustedKey | undefined;
  for (const signature of envelope.signatures) {
    key = keyThatVerifies(keys, signed, signature.sig);
    if (key) break;
  }
  if (!key) return { ...described, verified: false, reason: 'no trusted key verifies the envelope' };
  if (!statement.subjectDigests.includes(subject.toLowerCase())) {
    return {
      ...described,
      verified: false,
      key: key.name,
      reason: `the statement is for ${statement.subjectDigests.join(', ') || 'no digest'} not ${subject}`,
    };
  }
  return { ...described, verified: true, key: key.name };
}
