import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { RateLimitedError } from '../../errors/index.js';

import type { RateLimitSettings } from './rate-limit-settings.js';

const MINUTE_MS = 60_000;

interface Check {
  isAllowed: boolean;
  isExceeded: boolean;
  max: number;
  remaining: number;
  ttlInSeconds: number;
}
type Limiter = (request: FastifyRequest) => Promise<Check>;

function enforce(check: Check, reply: FastifyReply, what: string): void {
  if (check.isAllowed) return;
  reply.header('x-ratelimit-limit', check.max);
  reply.header('x-ratelimit-remaining', check.remaining);
  reply.header('x-ratelimit-reset', check.ttlInSeconds);
  if (!check.isExceeded) return;
  reply.header('retry-after', check.ttlInSeconds);
  throw new RateLimitedError(
    `too many requests: more than ${check.max} a minute ${what}; retry in ${check.ttlInSeconds} s`,
  );
}

/**
 * Rate limits of the API (@fastify/rate-limit's counters, in this process's memory): every request
 * counts against its client address as it arrives, so a flood is refused before any key is
 * looked up; an authenticated request then counts against its API key. Public routes (health,
 * readiness, metrics, the UI's files, the OpenAPI document) count only against the address.
 */
export async function registerRateLimits(app: FastifyInstance, settings: RateLimitSettings): Promise<void> {
  await app.register(rateLimit, { global: false });
  const create = (app as unknown as { createRateLimit(options: object): Limiter }).createRateLimit;
  const perAddress = create({
    max: settings.perAddressPerMinute,
    timeWindow: MINUTE_MS,
    keyGenerator: (request: FastifyRequest) => `address:${request.ip}`,
  });
  const perKey = create({
    max: settings.perKeyPerMinute,
    timeWindow: MINUTE_MS,
    keyGenerator: (request: FastifyRequest) => `key:${request.principal?.keyId ?? request.ip}`,
  });
  app.addHook('onRequest', async (request, reply) => {
    if (settings.perAddressPerMinute > 0) enforce(await perAddress(request), reply, 'from this address');
  });
  app.addHook('preHandler', async (request, reply) => {
    if (settings.perKeyPerMinute > 0 && request.principal)
      enforce(await perKey(request), reply, 'for this API key');
  });
}
