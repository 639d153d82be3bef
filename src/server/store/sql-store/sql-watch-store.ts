import { randomUUID } from 'node:crypto';
import { NotFoundError } from '../../../errors/index.js';
import type { SqlDriver } from '../sql/sql-driver.js';
import type { NewWatch, WatchCheck, WatchKind, WatchRecord, WatchStore } from '../types.js';
import { bool, optional } from './row-values.js';

interface WatchRow {
  id: string;
  account_id: string;
  kind: WatchKind;
  registry: string;
  repository: string;
  tag: string;
  interval_seconds: number | string;
  tag_limit: number | string | null;
  active: number | boolean;
  last_digest: string | null;
  last_image_digest: string | null;
  last_etag: string | null;
  last_checked_at: string | null;
  last_error: string | null;
  next_check_at: string;
  created_at: string;
}

/** Watched tags and repositories, and the tags each repository watch has taken. */
export class SqlWatchStore implements WatchStore {
  constructor(private readonly db: SqlDriver) {}

  async create(input: NewWatch): Promise<WatchRecord> {
    try {
      const { rows } = await this.db.query<WatchRow>(
        `INSERT INTO watches (id, account_id, kind, registry, repository, tag, interval_seconds, tag_limit,
           active, next_check_at, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1, $9, $9, $9) RETURNING *`,
        [
          randomUUID(),
          input.accountId,
          input.kind,
          input.registry,
          input.repository,
          input.tag ?? '',
          input.intervalSeconds,
          input.limit ?? null,
          input.at,
        ],
      );
      return toWatch(rows[0]!);
    } catch (err) {
      if (err instanceof NotFoundError) throw new NotFoundError(`account ${input.accountId} does not exist`);
      throw err;
    }
  }

  async get(accountId: string, id: string): Promise<WatchRecord | undefined> {
    const { rows } = await this.db.query<WatchRow>(
      'SELECT * FROM watches WHERE account_id = $1 AND id = $2',
      [accountId, id],
    );
    return rows[0] && toWatch(rows[0]);
  }

  async list(accountId: string): Promise<WatchRecord[]> {
    const { rows } = await this.db.query<WatchRow>(
      'SELECT * FROM watches WHERE account_id = $1 ORDER BY created_at, id',
      [accountId],
    );
    return rows.map(toWatch);
  }

  async delete(accountId: string, id: string): Promise<boolean> {
    const { changes } = await this.db.query('DELETE FROM watches WHERE account_id = $1 AND id = $2', [
      accountId,
      id,
    ]);
    return changes > 0;
  }

  async due(now: string, limit: number): Promise<WatchRecord[]> {
    const { rows } = await this.db.query<WatchRow>(
      'SELECT * FROM watches WHERE active = 1 AND next_check_at <= $1 ORDER BY next_check_at, id LIMIT $2',
      [now, limit],
    );
    return rows.map(toWatch);
  }

  async recordCheck(accountId: string, id: string, check: WatchCheck): Promise<void> {
    await this.db.query(
      `UPDATE watches SET last_checked_at = $3, next_check_at = $4,
         last_digest = COALESCE($5, last_digest), last_image_digest = COALESCE($6, last_image_digest),
         last_etag = COALESCE($7, last_etag), last_error = $8, updated_at = $3
       WHERE account_id = $1 AND id = $2`,
      [
        accountId,
        id,
        check.at,
        check.nextCheckAt,
        check.lastDigest ?? null,
        check.lastImageDigest ?? null,
        check.lastEtag ?? null,
        check.lastError ?? null,
      ],
    );
  }

  async seenTags(accountId: string, id: string): Promise<string[]> {
    const { rows } = await this.db.query<{ tag: string }>(
      `SELECT t.tag FROM watch_tags t JOIN watches w ON w.id = t.watch_id
       WHERE w.account_id = $1 AND w.id = $2 ORDER BY t.tag`,
      [accountId, id],
    );
    return rows.map((r) => r.tag);
  }

  async markTagsSeen(
    accountId: string,
    id: string,
    tags: { tag: string; digest?: string }[],
    at: string,
  ): Promise<void> {
    if (!(await this.get(accountId, id))) return;
    for (const { tag, digest } of tags)
      await this.db.query(
        `INSERT INTO watch_tags (watch_id, tag, digest, seen_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (watch_id, tag) DO UPDATE SET digest = excluded.digest, seen_at = excluded.seen_at`,
        [id, tag, digest ?? null, at],
      );
  }
}

function toWatch(row: WatchRow): WatchRecord {
  const limit = row.tag_limit === null ? undefined : Number(row.tag_limit);
  const fields: Record<string, string | undefined> = {
    lastDigest: optional(row.last_digest),
    lastImageDigest: optional(row.last_image_digest),
    lastEtag: optional(row.last_etag),
    lastCheckedAt: optional(row.last_checked_at),
    lastError: optional(row.last_error),
  };
  return {
    id: row.id,
    accountId: row.account_id,
    kind: row.kind,
    registry: row.registry,
    repository: row.repository,
    ...(row.kind === 'tag' ? { tag: row.tag } : {}),
    intervalSeconds: Number(row.interval_seconds),
    ...(limit !== undefined ? { limit } : {}),
    active: bool(row.active),
    ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)),
    nextCheckAt: row.next_check_at,
    createdAt: row.created_at,
  };
}
