import { createHmac, timingSafeEqual } from 'node:crypto';

/** The headers every notification carries (names are case-insensitive on the wire). */
export const NOTIFICATION_HEADERS = {
  signature: 'customs-signature',
  eventId: 'customs-event-id',
  deliveryId: 'customs-delivery-id',
  eventType: 'customs-event-type',
} as const;

/** How old a signature's timestamp may be (either way) before verifySignature refuses it. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

function hmac(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex');
}

/** `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`: the Customs-Signature header. */
export function signatureHeader(secret: string, body: string, at: Date = new Date()): string {
  const t = Math.floor(at.getTime() / 1000);
  return `t=${t},v1=${hmac(secret, t, body)}`;
}

export type SignatureCheck = { valid: true; timestamp: number } | { valid: false; reason: string };

/**
 * What a receiver runs on each notification: the raw body (exactly the bytes received), the
 * Customs-Signature header and the webhook's secret. Valid when one v1 value is the HMAC of
 * "<t>.<body>" and t is within `toleranceSeconds` of now (an old request replayed is refused).
 */
export function verifySignature(input: {
  secret: string;
  body: string | Buffer;
  header: string | undefined;
  toleranceSeconds?: number;
  now?: Date;
}): SignatureCheck {
  if (!input.header) return { valid: false, reason: 'no Customs-Signature header' };
  let timestamp: number | undefined;
  const signatures: string[] = [];
  for (const part of input.header.split(',')) {
    const [key, value] = part.trim().split('=', 2);
    if (key === 't' && value !== undefined && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    else if (key === 'v1' && value !== undefined) signatures.push(value);
  }
  if (timestamp === undefined) return { valid: false, reason: 'the signature has no timestamp' };
  if (signatures.length === 0) return { valid: false, reason: 'the signature has no v1 value' };
  const now = Math.floor((input.now ?? new Date()).getTime() / 1000);
  const tolerance = input.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  if (Math.abs(now - timestamp) > tolerance)
    return { valid: false, reason: `the signature's timestamp is more than ${tolerance} s away from now` };
  const body = typeof input.body === 'string' ? input.body : input.body.toString('utf8');
  const expected = Buffer.from(hmac(input.secret, timestamp, body), 'hex');
  const matches = signatures.some((candidate) => {
    const given = Buffer.from(candidate, 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  return matches
    ? { valid: true, timestamp }
    : { valid: false, reason: 'the signature does not match the body' };
}
