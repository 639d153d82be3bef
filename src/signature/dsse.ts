import { decodeBase64 } from './verify-bytes.js';

export const DSSE_MEDIA_TYPE = 'application/vnd.dsse.envelope.v1+json';
export const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';

export interface DsseEnvelope {
  payloadType: string;
  payload: Buffer;
  signatures: { keyid?: string; sig: Buffer }[];
}

/** DSSE's pre-authentication encoding: `DSSEv1 <len> <type> <len> <body>`, what is signed. */
export function preAuthEncoding(payloadType: string, payload: Buffer): Buffer {
  const type = Buffer.from(payloadType, 'utf8');
  return Buffer.concat([
    Buffer.from(`DSSEv1 ${type.length} `, 'utf8'),
    type,
    Buffer.from(` ${payload.length} `, 'utf8'),
    payload,
  ]);
}

/** Reads a DSSE envelope; a string saying what is wrong when it is not one. */
export function parseDsseEnvelope(bytes: Buffer): DsseEnvelope | string {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    return 'the envelope is not JSON';
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    return 'the envelope is not a JSON object';
  const doc = json as Record<string, unknown>;
  if (typeof doc['payloadType'] !== 'string') return 'the envelope has no payloadType';
  const payload = typeof doc['payload'] === 'string' ? decodeBase64(doc['payload']) : undefined;
  if (!payload) return 'the envelope has no base64 payload';
  const signatures: DsseEnvelope['signatures'] = [];
  for (const entry of Array.isArray(doc['signatures']) ? (doc['signatures'] as unknown[]) : []) {
    const e = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>) : {};
    const sig = typeof e['sig'] === 'string' ? decodeBase64(e['sig']) : undefined;
    if (!sig) continue;
    signatures.push({ sig, ...(typeof e['keyid'] === 'string' && e['keyid'] ? { keyid: e['keyid'] } : {}) });
  }
  return { payloadType: doc['payloadType'], payload, signatures };
}
