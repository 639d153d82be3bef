import { randomUUID } from 'node:crypto';
import { NotFoundError } from '../../../errors/index.js';
import type { EventRecord, EventType, NewEvent } from '../../events/event-payloads.js';
import type { SqlDriver, SqlExecutor, SqlValue } from '../sql/sql-driver.js';
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
      return await this.db.transaction(async (tx) => {
        const { rows } = await tx.query<{ id: number | string }>(
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
        const id = rows[0]!.id;
        await addDeliveries(tx, event, id);
        return { ...event, id: String(id) } as EventRecord;
      });
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

/** The full tags an event names itself (vuln_update lists the image's tags in its payload). */
function namedTags(event: NewEvent): string[] {
  const tags = event.fullTag !== undefined ? [event.fullTag] : [];
  if (event.type === 'vuln_update') tags.push(...event.payload.fullTags);
  return tags;
}

/**
 * The event's pending deliveries, inside its transaction: one per webhook of a matching active
 * subscription (same type; scope '*', the event's digest, a tag it names, or a tag of the
 * account that points at its digest), however many subscriptions of that webhook match.
 */
async function addDeliveries(tx: SqlExecutor, event: NewEvent, eventId: number | string): Promise<void> {
  const scopes = ['*', ...(event.digest !== undefined ? [event.digest] : []), ...namedTags(event)];
  const params: SqlValue[] = [event.accountId, event.type, true, event.digest ?? null];
  const placeholders = scopes.map((scope) => {
    params.push(scope);
    return `$${params.length}`;
  });
  const { rows } = await tx.query<{ webhook_id: string }>(
    `SELECT DISTINCT webhook_id FROM subscriptions
     WHERE account_id = $1 AND type = $2 AND active = $3
       AND (scope IN (${placeholders.join(', ')})
            OR scope IN (SELECT full_tag FROM image_tags WHERE account_id = $1 AND digest = $4))
     ORDER BY webhook_id`,
    params,
  );
  for (const { webhook_id: webhookId } of rows)
    await tx.query(
      `INSERT INTO deliveries (id, account_id, event_id, webhook_id, state, attempts, next_attempt_at, created_at)
       VALUES ($1, $2, $3, $4, 'pending', 0, $5, $5)`,
      [randomUUID(), event.accountId, Number(eventId), webhookId, new Date().toISOString()],
    );
}
