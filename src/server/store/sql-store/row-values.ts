import { StoreError } from '../../../errors/index.js';

/** JSON documents are kept as text in both dialects. */
export function toJson(value: unknown): string {
  return JSON.stringify(value);
}

export function fromJson<T>(text: unknown, what: string): T {
  if (typeof text !== 'string') throw new StoreError(`stored ${what} is not JSON text`);
  try {
    return JSON.parse(text) as T;
  } catch (err) {
    throw new StoreError(`stored ${what} is not valid JSON: ${(err as Error).message}`, { cause: err });
  }
}

/** NULL columns are absent properties, as the interface's optional fields are. */
export function optional(value: unknown): string | undefined {
  return value === null || value === undefined ? undefined : String(value);
}

/** SQLite returns 0/1, PostgreSQL true/false. */
export function bool(value: unknown): boolean {
  return value === true || value === 1 || value === '1';
}

export function now(): string {
  return new Date().toISOString();
}
