import type { ImageConfigSummary } from '../model/image.js';

type Healthcheck = NonNullable<ImageConfigSummary['healthcheck']>;

interface HealthcheckParts {
  test: string[];
  interval?: string;
  timeout?: string;
  startPeriod?: string;
  startInterval?: string;
  retries?: number;
}

/** Nanoseconds (as the config stores them) to a Dockerfile duration. */
export function formatDuration(nanoseconds: number): string {
  if (nanoseconds % 1_000_000_000 === 0) return `${nanoseconds / 1_000_000_000}s`;
  return `${Math.round(nanoseconds / 1_000_000)}ms`;
}

function isZeroDuration(value: string | undefined): boolean {
  return value === undefined || value === '' || /^0+(?:\.0+)?[a-zµ]*$/.test(value);
}

/** The Dockerfile form: `HEALTHCHECK NONE`, `HEALTHCHECK --interval=30s CMD curl ...`. */
function formatParts(parts: HealthcheckParts): string {
  const [kind, ...args] = parts.test;
  if (kind === 'NONE') return 'HEALTHCHECK NONE';
  const options: string[] = [];
  if (!isZeroDuration(parts.interval)) options.push(`--interval=${parts.interval}`);
  if (!isZeroDuration(parts.timeout)) options.push(`--timeout=${parts.timeout}`);
  if (!isZeroDuration(parts.startPeriod)) options.push(`--start-period=${parts.startPeriod}`);
  if (!isZeroDuration(parts.startInterval)) options.push(`--start-interval=${parts.startInterval}`);
  if (parts.retries) options.push(`--retries=${parts.retries}`);
  const command = kind === 'CMD-SHELL' ? args.join(' ') : JSON.stringify(kind === 'CMD' ? args : parts.test);
  return ['HEALTHCHECK', ...options, 'CMD', command].join(' ');
}

export function healthcheckFromConfig(healthcheck: Healthcheck): string {
  const parts: HealthcheckParts = { test: healthcheck.test };
  if (healthcheck.interval) parts.interval = formatDuration(healthcheck.interval);
  if (healthcheck.timeout) parts.timeout = formatDuration(healthcheck.timeout);
  if (healthcheck.startPeriod) parts.startPeriod = formatDuration(healthcheck.startPeriod);
  if (healthcheck.retries) parts.retries = healthcheck.retries;
  return formatParts(parts);
}

function unquoteGo(quoted: string): string {
  try {
    return JSON.parse(quoted) as string;
  } catch {
    return quoted.slice(1, -1);
  }
}

function parseRetries(token: string | undefined): number | undefined {
  if (token === undefined) return undefined;
  if (/^\d+$/.test(token)) return Number(token);
  const hex = /^'\\x([0-9a-fA-F]{2})'$/.exec(token) ?? /^'\\u([0-9a-fA-F]{4})'$/.exec(token);
  if (hex) return Number.parseInt(hex[1] as string, 16);
  const char = /^'(.)'$/u.exec(token);
  if (char) return (char[1] as string).codePointAt(0);
  return undefined;
}

/**
 * Docker and BuildKit write HEALTHCHECK history as Go's `%v` of the config struct:
 * `&{["CMD-SHELL" "curl -f http://localhost/"] "30s" "3s" "0s" "0s" '\x03'}`. Returns the
 * Dockerfile instruction, or `undefined` when the text has another shape.
 */
export function healthcheckFromGoStruct(text: string): string | undefined {
  const match = /^&\{\[((?:"(?:[^"\\]|\\.)*"\s*)*)\]\s*(.*)\}$/s.exec(text.trim());
  if (!match) return undefined;
  const test = [...(match[1] as string).matchAll(/"(?:[^"\\]|\\.)*"/g)].map((m) => unquoteGo(m[0]));
  if (test.length === 0) return undefined;
  const rest = [...(match[2] as string).matchAll(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)+'|\S+/g)].map(
    (m) => m[0],
  );
  const durations = rest.filter((t) => t.startsWith('"')).map(unquoteGo);
  const others = rest.filter((t) => !t.startsWith('"'));
  const parts: HealthcheckParts = { test };
  const [interval, timeout, startPeriod, startInterval] = durations;
  if (interval !== undefined) parts.interval = interval;
  if (timeout !== undefined) parts.timeout = timeout;
  if (startPeriod !== undefined) parts.startPeriod = startPeriod;
  if (startInterval !== undefined) parts.startInterval = startInterval;
  const retries = parseRetries(others[others.length - 1]);
  if (retries !== undefined) parts.retries = retries;
  return formatParts(parts);
}
