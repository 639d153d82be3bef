import { ConflictError, NotFoundError, StoreError } from '../../../errors/index.js';

export type ConstraintKind = 'unique' | 'foreign-key' | 'not-null' | 'check' | undefined;

/** Which constraint a driver error broke, from SQLite's and PostgreSQL's error codes. */
export function constraintKind(err: unknown): ConstraintKind {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return undefined;
  switch (code) {
    case 'SQLITE_CONSTRAINT_UNIQUE':
    case 'SQLITE_CONSTRAINT_PRIMARYKEY':
    case '23505':
      return 'unique';
    case 'SQLITE_CONSTRAINT_FOREIGNKEY':
    case '23503':
      return 'foreign-key';
    case 'SQLITE_CONSTRAINT_NOTNULL':
    case '23502':
      return 'not-null';
    case 'SQLITE_CONSTRAINT_CHECK':
    case '23514':
      return 'check';
    default:
      return undefined;
  }
}

/**
 * A driver failure as the store's typed error: a duplicate is a ConflictError, a reference to a
 * missing record a NotFoundError, anything else a StoreError naming the store. Typed errors
 * thrown by the store's own code pass through untouched.
 */
export function storeFailure(location: string, what: string, err: unknown): Error {
  if (err instanceof StoreError || err instanceof ConflictError || err instanceof NotFoundError) return err;
  const kind = constraintKind(err);
  if (kind === 'unique') return new ConflictError(`${what}: the record already exists`);
  if (kind === 'foreign-key') return new NotFoundError(`${what}: it refers to a record that does not exist`);
  const message = err instanceof Error ? err.message : String(err);
  return new StoreError(`${location}: ${what} failed: ${message}`, { cause: err });
}
