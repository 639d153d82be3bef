import { NotFoundError } from '../../../errors/index.js';
import { placeholderList } from '../sql/placeholders.js';
import type { SqlDriver, SqlExecutor, SqlValue } from '../sql/sql-driver.js';
import type {
  AnalysisStatus,
  ImageFilter,
  ImageOrigin,
  ImageRecord,
  ImageStore,
  ImageSummaryMetadata,
  ImageTag,
  ImageWithTags,
  Page,
  PageRequest,
} from '../types.js';
import { fromJson, optional, toJson } from './row-values.js';

interface ImageRow {
  account_id: string;
  digest: string;
  origin: string;
  analysis_status: AnalysisStatus;
  failure_reason: string | null;
  annotations: string;
  metadata: string;
  created_at: string;
  updated_at: string;
  analyzed_at: string | null;
}

interface TagRow {
  digest: string;
  registry: string;
  repository: string;
  tag: string;
  full_tag: string;
  detected_at: string;
}

export class SqlImageStore implements ImageStore {
  constructor(private readonly db: SqlDriver) {}

  async upsert(input: {
    accountId: string;
    digest: string;
    origin: ImageOrigin;
    annotations?: Record<string, string>;
    tag?: Omit<ImageTag, 'detectedAt'>;
    at: string;
  }): Promise<{ image: ImageWithTags; created: boolean }> {
    return this.db.transaction(async (tx) => {
      const inserted = await tx
        .query(
          `INSERT INTO images (account_id, digest, origin, analysis_status, annotations, metadata, created_at, updated_at)
           VALUES ($1, $2, $3, 'not_analyzed', $4, '{}', $5, $5)
           ON CONFLICT (account_id, digest) DO NOTHING`,
          [input.accountId, input.digest, toJson(input.origin), toJson(input.annotations ?? {}), input.at],
        )
        .catch((err: unknown) => {
          if (err instanceof NotFoundError)
            throw new NotFoundError(`account ${input.accountId} does not exist`);
          throw err;
        });
      const created = inserted.changes > 0;
      if (!created && input.annotations && Object.keys(input.annotations).length > 0) {
        const existing = await selectImages(tx, 'i.account_id = $1 AND i.digest = $2', [
          input.accountId,
          input.digest,
        ]);
        const merged = { ...existing[0]!.annotations, ...input.annotations };
        await tx.query(
          'UPDATE images SET annotations = $3, updated_at = $4 WHERE account_id = $1 AND digest = $2',
          [input.accountId, input.digest, toJson(merged), input.at],
        );
      }
      if (input.tag) {
        // Seeing a tag again makes it the newest sighting of that tag.
        await tx.query(
          `INSERT INTO image_tags (account_id, digest, registry, repository, tag, full_tag, detected_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7)
           ON CONFLICT (account_id, digest, full_tag) DO UPDATE SET detected_at = excluded.detected_at`,
          [
            input.accountId,
            input.digest,
            input.tag.registry,
            input.tag.repository,
            input.tag.tag,
            input.tag.fullTag,
            input.at,
          ],
        );
      }
      const [image] = await withTags(
        tx,
        input.accountId,
        await selectImages(tx, 'i.account_id = $1 AND i.digest = $2', [input.accountId, input.digest]),
      );
      return { image: image!, created };
    });
  }

  async get(accountId: string, digest: string): Promise<ImageWithTags | undefined> {
    const images = await selectImages(this.db, 'i.account_id = $1 AND i.digest = $2', [accountId, digest]);
    const [image] = await withTags(this.db, accountId, images);
    return image;
  }

  async list(accountId: string, filter: ImageFilter, page: PageRequest): Promise<Page<ImageWithTags>> {
    const where = ['i.account_id = $1'];
    const params: SqlValue[] = [accountId];
    if (filter.analysisStatus) {
      params.push(filter.analysisStatus);
      where.push(`i.analysis_status = $${params.length}`);
    }
    if (filter.fullTag) {
      params.push(filter.fullTag);
      where.push(
        `EXISTS (SELECT 1 FROM image_tags t WHERE t.account_id = i.account_id AND t.digest = i.digest AND t.full_tag = $${params.length})`,
      );
    }
    const condition = where.join(' AND ');
    const { rows } = await this.db.query<{ total: number }>(
      `SELECT COUNT(*) AS total FROM images i WHERE ${condition}`,
      params,
    );
    const images = await selectImages(
      this.db,
      `${condition} ORDER BY i.created_at DESC, i.digest LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, page.limit, page.offset],
    );
    return { items: await withTags(this.db, accountId, images), total: Number(rows[0]?.total ?? 0) };
  }

  /** The tags go with the image (their foreign key cascades). */
  async delete(accountId: string, digest: string): Promise<boolean> {
    const { changes } = await this.db.query('DELETE FROM images WHERE account_id = $1 AND digest = $2', [
      accountId,
      digest,
    ]);
    return changes > 0;
  }

  async setStatus(
    digest: string,
    status: AnalysisStatus,
    detail: { at: string; failureReason?: string; metadata?: ImageSummaryMetadata },
  ): Promise<void> {
    await this.db.query(
      `UPDATE images SET
         analysis_status = $2,
         failure_reason = $3,
         metadata = COALESCE($4, metadata),
         updated_at = $5,
         analyzed_at = CASE WHEN $2 = 'analyzed' THEN $5 ELSE analyzed_at END
       WHERE digest = $1`,
      [
        digest,
        status,
        status === 'analysis_failed' ? (detail.failureReason ?? 'analysis failed') : null,
        detail.metadata ? toJson(detail.metadata) : null,
        detail.at,
      ],
    );
  }

  async holders(digest: string): Promise<string[]> {
    const { rows } = await this.db.query<{ account_id: string }>(
      'SELECT account_id FROM images WHERE digest = $1 ORDER BY account_id',
      [digest],
    );
    return rows.map((row) => row.account_id);
  }

  async unsettled(
    before: string,
    limit: number,
  ): Promise<{ digest: string; accountId: string; status: AnalysisStatus }[]> {
    const { rows } = await this.db.query<{
      digest: string;
      account_id: string;
      analysis_status: AnalysisStatus;
    }>(
      `SELECT digest, MIN(account_id) AS account_id, MIN(analysis_status) AS analysis_status FROM images
       WHERE analysis_status IN ('not_analyzed', 'analyzing') AND updated_at < $1
       GROUP BY digest ORDER BY MIN(updated_at), digest LIMIT $2`,
      [before, limit],
    );
    return rows.map((row) => ({
      digest: row.digest,
      accountId: row.account_id,
      status: row.analysis_status,
    }));
  }

  async latestForTag(accountId: string, fullTag: string): Promise<string | undefined> {
    const { rows } = await this.db.query<{ digest: string }>(
      `SELECT digest FROM image_tags WHERE full_tag = $1 AND account_id = $2
       ORDER BY detected_at DESC, digest LIMIT 1`,
      [fullTag, accountId],
    );
    return rows[0]?.digest;
  }

  async previousForTag(accountId: string, fullTag: string, digest: string): Promise<string | undefined> {
    const { rows } = await this.db.query<{ digest: string }>(
      `SELECT t.digest FROM image_tags t
       WHERE t.full_tag = $1 AND t.account_id = $2 AND t.digest <> $3
         AND t.detected_at <= COALESCE(
           (SELECT s.detected_at FROM image_tags s
            WHERE s.full_tag = $1 AND s.account_id = $2 AND s.digest = $3),
           t.detected_at)
       ORDER BY t.detected_at DESC, t.digest LIMIT 1`,
      [fullTag, accountId, digest],
    );
    return rows[0]?.digest;
  }
}

async function selectImages(db: SqlExecutor, condition: string, params: SqlValue[]): Promise<ImageRecord[]> {
  const { rows } = await db.query<ImageRow>(`SELECT i.* FROM images i WHERE ${condition}`, params);
  return rows.map(toImage);
}

/** One query for the tags of a page of images, newest sighting first. */
async function withTags(db: SqlExecutor, accountId: string, images: ImageRecord[]): Promise<ImageWithTags[]> {
  if (images.length === 0) return [];
  const { rows } = await db.query<TagRow>(
    `SELECT digest, registry, repository, tag, full_tag, detected_at FROM image_tags
     WHERE account_id = $1 AND digest IN (${placeholderList(2, images.length)})
     ORDER BY detected_at DESC, full_tag`,
    [accountId, ...images.map((image) => image.digest)],
  );
  const tags = new Map<string, ImageTag[]>();
  for (const row of rows) {
    const list = tags.get(row.digest) ?? [];
    list.push({
      registry: row.registry,
      repository: row.repository,
      tag: row.tag,
      fullTag: row.full_tag,
      detectedAt: row.detected_at,
    });
    tags.set(row.digest, list);
  }
  return images.map((image) => ({ ...image, tags: tags.get(image.digest) ?? [] }));
}

function toImage(row: ImageRow): ImageRecord {
  const image: ImageRecord = {
    accountId: row.account_id,
    digest: row.digest,
    origin: fromJson<ImageOrigin>(row.origin, 'image origin'),
    analysisStatus: row.analysis_status,
    annotations: fromJson<Record<string, string>>(row.annotations, 'image annotations'),
    metadata: fromJson<ImageSummaryMetadata>(row.metadata, 'image metadata'),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
  const failureReason = optional(row.failure_reason);
  const analyzedAt = optional(row.analyzed_at);
  if (failureReason) image.failureReason = failureReason;
  if (analyzedAt) image.analyzedAt = analyzedAt;
  return image;
}
