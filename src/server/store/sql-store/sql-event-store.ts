import { NotFoundError } from '../../../errors/index.js';
import type { EventRecord, EventType, NewEvent } from '../../events/event-payloads.js';
import type { SqlDriver, SqlValue } from '../sql/sql-driver.js';
import type { EventFilter, EventStore, Page, PageRequest } from '../types.js';
import { fromJson, optional, toJson } from './row-values.js';

interface EventRow {
  id: number | string;
  account_id: string;
  type: string;
  digest: string | null;
  full_tag: string | null;
  payload: string;
  created_at: string;
}

/** The account's events, numbered in the order they were recorded. */
export class SqlEventStore implements EventStore {
  constructor(private readonly db: SqlDriver) {}

  async add(event: NewEvent): Promise<EventRecord> {
    try {
      const { rows } = await this.db.query<{ id: number | string }>(
        `INSERT INTO events (account_id, type, digest, full_tag, payload, created_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [
          event.accountId,
          event.type,
          event.digest ?? null,
          event.fullTag ?? null,
          toJson(event.payload),
          event.at,
        ],
      );
      return { ...event, id: String(rows[0]!.id) } as EventRecord;
    } catch (err) {
      if (err instanceof NotFoundError) throw new NotFoundError(`account ${event.accountId} does not exist`);
      throw err;
    }
  }

  async get(accountId: string, id: string): Promise<EventRecord | undefined> {
    if (!/^\d{1,18}$/.test(id)) return undefined;
    const { rows } = await this.db.query<EventRow>('SELECT * FROM events WHERE account_id = $1 AND id = $2', [
      accountId,
      Number(id),
    ]);
    return rows[0] && toEvent(rows[0]);
  }

  async list(accountId: string, filter: EventFilter, page: PageRequest): Promise<Page<EventRecord>> {
    const params: SqlValue[] = [accountId];
    let where = 'account_id = $1';
    const add = (clause: string, value: SqlValue) => {
      params.push(value);
      where += ` AND ${clause.replace('?', `$${params.length}`)}`;
    };
    if (filter.type !== undefined) add('type = ?', filter.type);
    if (filter.digest !== undefined) add('digest = ?', filter.digest);
    if (filter.fullTag !== undefined) add('full_tag = ?', filter.fullTag);
    if (filter.afterId !== undefined) add('id > ?', Number(filter.afterId));
    if (filter.since !== undefined) add('created_at >= ?', filter.since);
    const total = await this.db.query<{ total: number | string }>(
      `SELECT COUNT(*) AS total FROM events WHERE ${where}`,
      params,
    );
    // A reader following the stream (afterId) reads oldest first; a page of history, newest first.
    const order = filter.afterId !== undefined ? 'id ASC' : 'id DESC';
    const { rows } = await this.db.query<EventRow>(
      `SELECT * FROM events WHERE ${where} ORDER BY ${order} LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, page.limit, page.offset],
    );
    return { items: rows.map(toEvent), total: Number(total.rows[0]?.total ?? 0) };
  }
}

function toEvent(row: EventRow): EventRecord {
  const digest = optional(row.digest);
  const fullTag = optional(row.full_tag);
  return {
    id: String(row.id),
    accountId: row.account_id,
    type: row.type as EventType,
    ...(digest !== undefined ? { digest } : {}),
    ...(fullTag !== undefined ? { fullTag } : {}),
    payload: fromJson(row.payload, `event ${row.id}`),
    at: row.created_at,
  } as EventRecord;
}
