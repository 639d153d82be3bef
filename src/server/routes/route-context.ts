import type { FastifyRequest } from 'fastify';
import { UnauthorizedError } from '../../errors/index.js';
import type { Principal } from '../auth/authenticate.js';
import type { Services } from '../app/services.js';

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
  interface FastifyContextConfig {
    /** No API key needed (health, readiness, version, the OpenAPI document). */
    public?: boolean;
  }
}

export interface RouteOptions {
  services: Services;
}

/** The account the request acts as (set by the auth hook on every non-public route). */
export function accountOf(request: FastifyRequest): string {
  if (!request.principal) throw new UnauthorizedError();
  return request.principal.account.id;
}

export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new UnauthorizedError();
  return request.principal;
}
