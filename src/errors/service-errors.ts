import { CustomsError } from './customs-error.js';

/** The service's store (SQLite or PostgreSQL) cannot be opened, migrated, read or written. */
export class StoreError extends CustomsError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('store', message, options);
    this.name = 'StoreError';
  }
}

/** A write that would break a rule of the store: a duplicate name, deleting the active policy. */
export class ConflictError extends CustomsError {
  constructor(message: string) {
    super('conflict', message);
    this.name = 'ConflictError';
  }
}

/** An account-owned resource that does not exist (or belongs to another account: the same answer). */
export class NotFoundError extends CustomsError {
  constructor(message: string) {
    super('not-found', message);
    this.name = 'NotFoundError';
  }
}

/** No API key, a wrong one, or a revoked one. */
export class UnauthorizedError extends CustomsError {
  constructor(message = 'a valid API key is required') {
    super('unauthorized', message);
    this.name = 'UnauthorizedError';
  }
}

/** A valid key that may not do this (an admin-only route). */
export class ForbiddenError extends CustomsError {
  constructor(message: string) {
    super('forbidden', message);
    this.name = 'ForbiddenError';
  }
}

/** A request body (an upload) larger than the service accepts. */
export class TooLargeError extends CustomsError {
  constructor(message: string) {
    super('too-large', message);
    this.name = 'TooLargeError';
  }
}

/** The Customs service cannot be reached (refused, timed out, not a Customs service). */
export class ServiceUnreachableError extends CustomsError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('service-unreachable', message, options);
    this.name = 'ServiceUnreachableError';
  }
}

/** More requests than the service's rate limit allows; `Retry-After` says when to try again. */
export class RateLimitedError extends CustomsError {
  constructor(message: string) {
    super('rate-limited', message);
    this.name = 'RateLimitedError';
  }
}
