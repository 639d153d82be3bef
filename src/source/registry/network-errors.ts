/** Turning socket, DNS, TLS and timeout errors into a few words a user understands. */

const TLS_CODE_RE =
  /^(ERR_SSL_|ERR_TLS_|EPROTO$|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|HOSTNAME_MISMATCH)/;

/** Every error code in an error, its causes and (for AggregateError) its members. */
function errorCodes(err: unknown, seen = new Set<unknown>()): string[] {
  if (typeof err !== 'object' || err === null || seen.has(err)) return [];
  seen.add(err);
  const codes: string[] = [];
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string') codes.push(code);
  codes.push(...errorCodes((err as { cause?: unknown }).cause, seen));
  const members = (err as { errors?: unknown }).errors;
  if (Array.isArray(members)) for (const m of members) codes.push(...errorCodes(m, seen));
  return codes;
}

function errorMessages(err: unknown, seen = new Set<unknown>()): string[] {
  if (typeof err !== 'object' || err === null || seen.has(err)) return [];
  seen.add(err);
  const out: string[] = [];
  const message = (err as { message?: unknown }).message;
  if (typeof message === 'string' && message !== '') out.push(message);
  out.push(...errorMessages((err as { cause?: unknown }).cause, seen));
  return out;
}

export function isTlsError(err: unknown): boolean {
  if (errorCodes(err).some((c) => TLS_CODE_RE.test(c))) return true;
  return errorMessages(err).some((m) => /\b(SSL|TLS)\b|certificate|wrong version number/i.test(m));
}

/**
 * For an insecure registry, errors on the HTTPS attempt after which docker tries plain HTTP:
 * a failed TLS handshake, a refused or reset connection.
 */
export function isFallbackToHttpError(err: unknown): boolean {
  if (isTlsError(err)) return true;
  const codes = errorCodes(err);
  return codes.some((c) => c === 'ECONNREFUSED' || c === 'ECONNRESET' || c === 'UND_ERR_SOCKET');
}

/** A short description: `connection refused`, `host not found`, `TLS handshake failed (...)`. */
export function describeNetworkError(err: unknown): string {
  const codes = errorCodes(err);
  const has = (c: string): boolean => codes.includes(c);
  if (has('ECONNREFUSED')) return 'connection refused';
  if (has('ENOTFOUND')) return 'host not found';
  if (has('EAI_AGAIN')) return 'DNS lookup failed (temporary failure)';
  if (has('UND_ERR_CONNECT_TIMEOUT') || has('ETIMEDOUT')) return 'connection timed out';
  if (has('UND_ERR_HEADERS_TIMEOUT')) return 'no response (timed out waiting for headers)';
  if (has('UND_ERR_BODY_TIMEOUT')) return 'response stalled (body timeout)';
  if (has('EHOSTUNREACH')) return 'host unreachable';
  if (has('ENETUNREACH')) return 'network unreachable';
  if (isTlsError(err)) {
    const detail = errorMessages(err).find((m) => m.length > 0) ?? 'unknown TLS error';
    return `TLS handshake failed (${shorten(detail)})`;
  }
  if (has('ECONNRESET')) return 'connection reset';
  if (has('UND_ERR_SOCKET')) return 'connection closed unexpectedly';
  const message = errorMessages(err)[0];
  return message ? shorten(message) : 'network error';
}

function shorten(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 160 ? `${line.slice(0, 157)}...` : line;
}

/**
 * For an error during a request or while reading its body: the failure worth another try
 * (a reset or closed connection, a stall before the headers or in the body), or undefined for
 * errors that another try would not mend (refused, DNS, TLS, connect timeout).
 */
export function retryableFailure(
  err: unknown,
  limits: { headersMs: number; idleMs: number },
): { fault: 'connection-reset' | 'stalled' | 'no-response'; detail: string; cause: unknown } | undefined {
  if (isTlsError(err)) return undefined;
  const codes = errorCodes(err);
  const has = (c: string): boolean => codes.includes(c);
  if (has('UND_ERR_BODY_TIMEOUT')) {
    return { fault: 'stalled', detail: `stalled: no data for ${seconds(limits.idleMs)}`, cause: err };
  }
  if (has('UND_ERR_HEADERS_TIMEOUT')) {
    return { fault: 'no-response', detail: `no response within ${seconds(limits.headersMs)}`, cause: err };
  }
  if (has('ECONNRESET') || has('EPIPE'))
    return { fault: 'connection-reset', detail: 'connection reset', cause: err };
  if (
    has('UND_ERR_SOCKET') ||
    has('UND_ERR_RES_CONTENT_LENGTH_MISMATCH') ||
    has('ERR_STREAM_PREMATURE_CLOSE')
  ) {
    return { fault: 'connection-reset', detail: 'connection closed mid-response', cause: err };
  }
  return undefined;
}

function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(2))} s`;
}
