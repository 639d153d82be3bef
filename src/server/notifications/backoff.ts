/** When a failed delivery is tried again, and when it is given up. */
export interface RetryPolicy {
  /** The first retry's delay (seconds); each further retry doubles it. */
  firstDelaySeconds: number;
  /** No delay exceeds this (seconds). */
  maxDelaySeconds: number;
  /** Attempts in all, the first included; then the delivery is failed with the last reason. */
  maxAttempts: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  firstDelaySeconds: 10,
  maxDelaySeconds: 3600,
  maxAttempts: 10,
};

/**
 * The delay after attempt number `attempt` (1 for the first) failed: exponential, capped, and
 * jittered to between half and all of it so receivers coming back are not hit by every retry at once.
 */
export function retryDelayMs(
  policy: RetryPolicy,
  attempt: number,
  random: () => number = Math.random,
): number {
  const exponential = policy.firstDelaySeconds * 2 ** Math.max(0, attempt - 1);
  const capped = Math.min(policy.maxDelaySeconds, exponential) * 1000;
  return Math.round(capped * (0.5 + random() * 0.5));
}
