/** Requests a minute: per API key (after authentication), and per client address (before it); 0 turns one off. */
export interface RateLimitSettings {
  perKeyPerMinute: number;
  perAddressPerMinute: number;
}

export const DEFAULT_RATE_LIMITS: RateLimitSettings = { perKeyPerMinute: 1200, perAddressPerMinute: 6000 };
