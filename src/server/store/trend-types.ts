// ── re-evaluation index and trends ──────────────────────────────────────────────────────────

/** A (namespace, package) pair as the vulnerability data writes it. */
export interface LookupKeyRow {
  namespace: string;
  name: string;
}

export interface LookupIndexStore {
  /** Stored digests whose SBOM can look up any of these pairs, sorted. */
  digestsFor(keys: readonly LookupKeyRow[]): Promise<string[]>;
  /** Up to `limit` stored analyses not indexed yet (stored before the index existed). */
  unindexed(limit: number): Promise<string[]>;
  /** Replaces the digest's pairs and marks it indexed (putSbom does this itself). */
  index(digest: string, keys: readonly LookupKeyRow[]): Promise<void>;
}

export interface SeverityCounts {
  critical: number;
  high: number;
  medium: number;
  low: number;
  negligible: number;
  unknown: number;
}

export interface TrendPoint {
  digest: string;
  at: string;
  counts: SeverityCounts;
  /** Matches whose vulnerability is in CISA's KEV catalog. */
  kev: number;
  /** The active policy's final action; absent when the account had none. */
  finalAction?: string;
  policyId?: string;
  feedState: string;
}

/** One day of an account's images: the sums over each image's latest row at the day's end. */
export interface DailyTrend {
  day: string;
  images: number;
  counts: SeverityCounts;
  kev: number;
  /** Images per final action ('none': no evaluation). */
  actions: Record<string, number>;
}

export interface TrendRange {
  since?: string;
  until?: string;
}

export interface TrendStore {
  add(accountId: string, point: TrendPoint): Promise<void>;
  /** The image's rows in the range, oldest first. */
  forImage(accountId: string, digest: string, range: TrendRange): Promise<TrendPoint[]>;
  /** The newest row of each of these images, one query. */
  latestPoints(accountId: string, digests: readonly string[]): Promise<TrendPoint[]>;
  /** Every day of the range (UTC, default the last 30 days up to `now`) for the account's images. */
  daily(accountId: string, range: TrendRange, now: Date): Promise<DailyTrend[]>;
}
