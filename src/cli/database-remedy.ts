import { DatabaseError, VulnerabilityDataError, type VulnerabilityDataProblem } from '../errors/index.js';

/** What a user does about a missing, empty or non-covering vulnerability database. */
export const DATABASE_REMEDY =
  'run `customs db update` (behind a proxy, set HTTPS_PROXY), or offline `customs db import` feed files or a bundle made by `customs db export`';

/**
 * The library's VulnerabilityDataError as the CLI says it: what is wrong, `consequence(problem)`
 * (which flag cannot be honoured), then what to do. Other errors pass through unchanged.
 */
export function withDatabaseRemedy(
  err: unknown,
  consequence: (problem: VulnerabilityDataProblem) => string,
): unknown {
  if (!(err instanceof VulnerabilityDataError)) return err;
  return new DatabaseError(`${err.detail}${consequence(err.problem)}`);
}
