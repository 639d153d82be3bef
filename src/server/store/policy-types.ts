import type { EvaluationResult } from '../../policy/types.js';
import type { Page, PageRequest } from './types.js';

// Policies and their evaluations: the records the service store keeps for them (see ServiceStore).

export interface PolicyRecord {
  accountId: string;
  /** The bundle's own id. */
  policyId: string;
  name: string;
  /** The bundle document as uploaded (validated before it is stored). */
  bundle: unknown;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface PolicyStore {
  /** Creates or replaces the account's bundle with this id; keeps its active flag. */
  put(input: {
    accountId: string;
    policyId: string;
    name: string;
    bundle: unknown;
    at: string;
  }): Promise<PolicyRecord>;
  get(accountId: string, policyId: string): Promise<PolicyRecord | undefined>;
  list(accountId: string): Promise<PolicyRecord[]>;
  /** Makes this bundle the account's only active one, in one transaction. */
  activate(accountId: string, policyId: string, at: string): Promise<boolean>;
  active(accountId: string): Promise<PolicyRecord | undefined>;
  /** Refuses (ConflictError) to delete the active bundle. */
  delete(accountId: string, policyId: string): Promise<boolean>;
}

export interface EvaluationRecord {
  id: string;
  accountId: string;
  digest: string;
  tag: string;
  policyId: string;
  finalAction: string;
  result: EvaluationResult;
  /** The vulnerability data the result was computed against (built/updated time, providers). */
  feedState: string;
  evaluatedAt: string;
}

/** What a list shows of an evaluation, stored beside its result (migration 0007). */
export interface EvaluationSummary {
  digest: string;
  tag: string;
  policyId: string;
  finalAction: string;
  /** The health grade A-F; absent when the evaluation had no scan. */
  grade?: string;
  /** The gate and trigger that decided a stop or warn (see decisiveFinding). */
  decisive?: { gate: string; trigger: string };
  evaluatedAt: string;
}

export interface EvaluationStore {
  /** Stores the record with its summary (grade, decisive gate and trigger) taken from the result. */
  add(record: Omit<EvaluationRecord, 'id'>): Promise<EvaluationRecord>;
  /** The newest evaluation of each of these images (any tag or policy), one query. */
  latestSummaries(accountId: string, digests: readonly string[]): Promise<EvaluationSummary[]>;
  latest(
    accountId: string,
    digest: string,
    tag: string,
    policyId: string,
  ): Promise<EvaluationRecord | undefined>;
  /**
   * The final action of the newest evaluation for this tag and policy other than `exceptId`
   * (the one just added), without reading any result; undefined when there is none.
   */
  previousAction(
    accountId: string,
    digest: string,
    filter: { tag: string; policyId: string; exceptId: string },
  ): Promise<string | undefined>;
  /** Newest first. */
  history(
    accountId: string,
    digest: string,
    page: PageRequest,
    filter?: { tag?: string; policyId?: string },
  ): Promise<Page<EvaluationRecord>>;
}
