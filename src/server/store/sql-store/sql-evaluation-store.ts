import { randomUUID } from 'node:crypto';
import type { EvaluationResult } from '../../../policy/types.js';
import { NotFoundError } from '../../../errors/index.js';
import type { SqlDriver, SqlValue } from '../sql/sql-driver.js';
import { decisiveFinding } from '../../../policy/summary/index.js';
import { placeholderList } from '../sql/placeholders.js';
import type { EvaluationRecord, EvaluationStore, EvaluationSummary, Page, PageRequest } from '../types.js';
import { fromJson, optional, toJson } from './row-values.js';

interface EvaluationRow {
  id: string;
  account_id: string;
  digest: string;
  tag: string;
  policy_id: string;
  final_action: string;
  result: string;
  feed_state: string;
  evaluated_at: string;
}

/** Newest first; the id breaks ties between evaluations made in the same millisecond. */
const NEWEST_FIRST = 'ORDER BY evaluated_at DESC, id DESC';

export class SqlEvaluationStore implements EvaluationStore {
  constructor(private readonly db: SqlDriver) {}

  async add(record: Omit<EvaluationRecord, 'id'>): Promise<EvaluationRecord> {
    const stored: EvaluationRecord = { id: randomUUID(), ...record };
    const decisive = decisiveFinding(stored.result);
    try {
      await this.db.query(
        `INSERT INTO evaluations (id, account_id, digest, tag, policy_id, final_action, result, feed_state,
           evaluated_at, grade, decisive_gate, decisive_trigger)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [
          stored.id,
          stored.accountId,
          stored.digest,
          stored.tag,
          stored.policyId,
          stored.finalAction,
          toJson(stored.result),
          stored.feedState,
          stored.evaluatedAt,
          stored.result.grade?.grade ?? null,
          decisive?.gate ?? null,
          decisive?.trigger ?? null,
        ],
      );
    } catch (err) {
      if (err instanceof NotFoundError) throw new NotFoundError(`account ${record.accountId} does not exist`);
      throw err;
    }
    return stored;
  }

  async latest(
    accountId: string,
    digest: string,
    tag: string,
    policyId: string,
  ): Promise<EvaluationRecord | undefined> {
    const { rows } = await this.db.query<EvaluationRow>(
      `SELECT * FROM evaluations WHERE account_id = $1 AND digest = $2 AND tag = $3 AND policy_id = $4
       ${NEWEST_FIRST} LIMIT 1`,
      [accountId, digest, tag, policyId],
    );
    return rows[0] && toEvaluation(rows[0]);
  }

  async latestSummaries(accountId: string, digests: readonly string[]): Promise<EvaluationSummary[]> {
    if (digests.length === 0) return [];
    const { rows } = await this.db.query<SummaryRow>(
      `SELECT digest, tag, policy_id, final_action, grade, decisive_gate, decisive_trigger, evaluated_at
       FROM (SELECT e.*, ROW_NUMBER() OVER (PARTITION BY digest ${NEWEST_FIRST}) AS newest
             FROM evaluations e
             WHERE account_id = $1 AND digest IN (${placeholderList(2, digests.length)})) ranked
       WHERE newest = 1`,
      [accountId, ...digests],
    );
    return rows.map(toSummary);
  }

  async previousAction(
    accountId: string,
    digest: string,
    filter: { tag: string; policyId: string; exceptId: string },
  ): Promise<string | undefined> {
    const { rows } = await this.db.query<{ final_action: string }>(
      `SELECT final_action FROM evaluations
       WHERE account_id = $1 AND digest = $2 AND tag = $3 AND policy_id = $4 AND id <> $5
       ${NEWEST_FIRST} LIMIT 1`,
      [accountId, digest, filter.tag, filter.policyId, filter.exceptId],
    );
    return rows[0]?.final_action;
  }

  async history(
    accountId: string,
    digest: string,
    page: PageRequest,
    filter: { tag?: string; policyId?: string } = {},
  ): Promise<Page<EvaluationRecord>> {
    const params: SqlValue[] = [accountId, digest];
    let where = 'account_id = $1 AND digest = $2';
    if (filter.tag !== undefined) {
      params.push(filter.tag);
      where += ` AND tag = $${params.length}`;
    }
    if (filter.policyId !== undefined) {
      params.push(filter.policyId);
      where += ` AND policy_id = $${params.length}`;
    }
    const total = await this.db.query<{ total: number }>(
      `SELECT COUNT(*) AS total FROM evaluations WHERE ${where}`,
      params,
    );
    const { rows } = await this.db.query<EvaluationRow>(
      `SELECT * FROM evaluations WHERE ${where} ${NEWEST_FIRST}
       LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, page.limit, page.offset],
    );
    return { items: rows.map(toEvaluation), total: Number(total.rows[0]?.total ?? 0) };
  }
}

type SummaryRow = Pick<EvaluationRow, 'digest' | 'tag' | 'policy_id' | 'final_action' | 'evaluated_at'> & {
  grade: string | null;
  decisive_gate: string | null;
  decisive_trigger: string | null;
};

function toSummary(row: SummaryRow): EvaluationSummary {
  const summary: EvaluationSummary = {
    digest: row.digest,
    tag: row.tag,
    policyId: row.policy_id,
    finalAction: row.final_action,
    evaluatedAt: row.evaluated_at,
  };
  const grade = optional(row.grade);
  if (grade) summary.grade = grade;
  const gate = optional(row.decisive_gate);
  if (gate) summary.decisive = { gate, trigger: optional(row.decisive_trigger) ?? '' };
  return summary;
}

function toEvaluation(row: EvaluationRow): EvaluationRecord {
  return {
    id: row.id,
    accountId: row.account_id,
    digest: row.digest,
    tag: row.tag,
    policyId: row.policy_id,
    finalAction: row.final_action,
    result: fromJson<EvaluationResult>(row.result, `evaluation ${row.id}`),
    feedState: row.feed_state,
    evaluatedAt: row.evaluated_at,
  };
}
