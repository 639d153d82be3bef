import { pino, type DestinationStream, type Logger, type LoggerOptions } from 'pino';

/**
 * Paths pino blanks in every log line: credentials in headers, passwords and keys in bodies
 * (the request body is never logged, but a handler's own fields are).
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.registry_pass',
  '*.key',
  '*.apiKey',
  '*.secret',
  '*.authorization',
];

export function loggerOptions(level = 'info'): LoggerOptions {
  return { level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } };
}

/** The service's logger: JSON lines with credentials redacted, to `destination` (stdout by default). */
export function createServiceLogger(
  options: { level?: string; destination?: DestinationStream } = {},
): Logger {
  const base = loggerOptions(options.level);
  return options.destination ? pino(base, options.destination) : pino(base);
}
