import { UsageError } from '../../errors/index.js';

/**
 * How long registry requests may take and how often they are tried. Every request has a connect,
 * a headers and an idle (no body data) timeout; a whole fetch (a blob, a manifest, with its
 * retries and resumes) has a deadline.
 */
export interface RegistryLimits {
  connectMs: number;
  headersMs: number;
  /** Longest wait for the next body bytes. */
  idleMs: number;
  /** Total network time for one blob or manifest, retries included. */
  deadlineMs: number;
  /** Tries in a row that bring no new bytes before giving up. */
  triesWithoutProgress: number;
  /** Tries in all, even when each one brings some bytes. */
  maxTries: number;
  /** First retry delay; doubles per retry (with jitter) up to `maxBackoffMs`. */
  backoffMs: number;
  maxBackoffMs: number;
}

export const DEFAULT_REGISTRY_LIMITS: RegistryLimits = {
  connectMs: 15_000,
  headersMs: 30_000,
  idleMs: 30_000,
  deadlineMs: 15 * 60_000,
  triesWithoutProgress: 4,
  maxTries: 12,
  backoffMs: 500,
  maxBackoffMs: 30_000,
};

/** A transfer that keeps progressing may try this many times as often as one that does not. */
const TRIES_IN_ALL_FACTOR = 3;

const SECONDS_VARIABLES = {
  connectMs: 'CUSTOMS_REGISTRY_CONNECT_TIMEOUT',
  headersMs: 'CUSTOMS_REGISTRY_HEADERS_TIMEOUT',
  idleMs: 'CUSTOMS_REGISTRY_IDLE_TIMEOUT',
  deadlineMs: 'CUSTOMS_REGISTRY_DEADLINE',
} as const;
const TRIES_VARIABLE = 'CUSTOMS_REGISTRY_TRIES';

/**
 * The limits from the environment: the timeouts and the deadline in seconds (fractions allowed),
 * `CUSTOMS_REGISTRY_TRIES` the tries without progress (tries in all are three times that).
 * Unset or empty variables are left out; a value that is not a positive number is a UsageError.
 */
export function registryLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): Partial<RegistryLimits> {
  const out: Partial<RegistryLimits> = {};
  for (const [key, name] of Object.entries(SECONDS_VARIABLES) as Array<
    [keyof typeof SECONDS_VARIABLES, string]
  >) {
    const raw = env[name]?.trim();
    if (!raw) continue;
    const seconds = Number(raw);
    if (!Number.isFinite(seconds) || seconds <= 0) {
      throw new UsageError(`${name} must be a number of seconds above 0 (got "${raw}")`);
    }
    out[key] = Math.round(seconds * 1000);
  }
  const tries = env[TRIES_VARIABLE]?.trim();
  if (tries) {
    const n = Number(tries);
    if (!Number.isInteger(n) || n < 1) {
      throw new UsageError(`${TRIES_VARIABLE} must be a whole number of tries, 1 or more (got "${tries}")`);
    }
    out.triesWithoutProgress = n;
    out.maxTries = n * TRIES_IN_ALL_FACTOR;
  }
  return out;
}

/** Defaults, then the environment, then what the caller passed. */
export function resolveRegistryLimits(
  options: Partial<RegistryLimits> = {},
  env: NodeJS.ProcessEnv = process.env,
): RegistryLimits {
  const limits = { ...DEFAULT_REGISTRY_LIMITS, ...registryLimitsFromEnv(env), ...options };
  if (options.triesWithoutProgress !== undefined && options.maxTries === undefined) {
    limits.maxTries = Math.max(limits.maxTries, options.triesWithoutProgress);
  }
  limits.maxTries = Math.max(limits.maxTries, limits.triesWithoutProgress);
  return limits;
}
