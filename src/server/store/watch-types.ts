// ── watches (tag polling, repository watching) ──────────────────────────────────────────────

export type WatchKind = 'tag' | 'repository';

export interface WatchRecord {
  id: string;
  accountId: string;
  kind: WatchKind;
  /** Host[:port], as references name it (`docker.io`, `127.0.0.1:5000`). */
  registry: string;
  repository: string;
  /** The watched tag (kind `tag`). */
  tag?: string;
  intervalSeconds: number;
  /** New tags taken per run (kind `repository`). */
  limit?: number;
  active: boolean;
  /** The manifest (or index) digest the registry last reported for the tag. */
  lastDigest?: string;
  /** The image digest that manifest was added as (the tag_update's previousDigest next time). */
  lastImageDigest?: string;
  lastEtag?: string;
  lastCheckedAt?: string;
  /** Why the last poll failed (cleared by one that worked). */
  lastError?: string;
  nextCheckAt: string;
  createdAt: string;
}

export interface NewWatch {
  accountId: string;
  kind: WatchKind;
  registry: string;
  repository: string;
  tag?: string;
  intervalSeconds: number;
  limit?: number;
  at: string;
}

/** What one poll found; fields left out keep their stored values, except lastError. */
export interface WatchCheck {
  at: string;
  nextCheckAt: string;
  lastDigest?: string;
  lastImageDigest?: string;
  lastEtag?: string;
  lastError?: string;
}

export interface WatchStore {
  /** A ConflictError when the account already watches the same tag or repository. */
  create(input: NewWatch): Promise<WatchRecord>;
  get(accountId: string, id: string): Promise<WatchRecord | undefined>;
  /** Oldest first. */
  list(accountId: string): Promise<WatchRecord[]>;
  delete(accountId: string, id: string): Promise<boolean>;
  /** Active watches of every account whose next check is at or before `now`, the most overdue first. */
  due(now: string, limit: number): Promise<WatchRecord[]>;
  recordCheck(accountId: string, id: string, check: WatchCheck): Promise<void>;
  /** The tags a repository watch has taken. */
  seenTags(accountId: string, id: string): Promise<string[]>;
  markTagsSeen(
    accountId: string,
    id: string,
    tags: { tag: string; digest?: string }[],
    at: string,
  ): Promise<void>;
}
