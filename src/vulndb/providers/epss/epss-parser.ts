import { constants, gunzipSync } from 'node:zlib';
import type { FeedItem } from '../../model.js';
import type { FeedFile, FeedParser } from '../types.js';

const PROVIDER = 'epss';
const GZIP_MAGIC = [0x1f, 0x8b];
const CVE_ID = /^CVE-\d{4}-\d{4,}$/;

function isGzip(content: Buffer): boolean {
  return content[0] === GZIP_MAGIC[0] && content[1] === GZIP_MAGIC[1];
}

/** The start of the text, decompressing only as much of a gzip file as needed. */
function head(content: Buffer): string {
  if (!isGzip(content)) return content.subarray(0, 512).toString('utf8');
  try {
    const partial = gunzipSync(content.subarray(0, 4096), { finishFlush: constants.Z_SYNC_FLUSH });
    return partial.subarray(0, 512).toString('utf8');
  } catch {
    return '';
  }
}

/** `#model_version:v2023.03.01,score_date:2025-02-20T00:00:00+0000` → `2025-02-20`. */
function scoreDate(comment: string): string | undefined {
  const match = /(?:^|[#,])\s*score_date\s*:\s*(\d{4}-\d{2}-\d{2})/.exec(comment);
  return match?.[1];
}

function probability(text: string | undefined): number | undefined {
  if (text === undefined || !/^\s*\d*\.?\d+(?:[eE][-+]?\d+)?\s*$/.test(text)) return undefined;
  const value = Number(text);
  return value >= 0 && value <= 1 ? value : undefined;
}

function* parseEpss(file: FeedFile): Iterable<FeedItem> {
  let text: string;
  try {
    text = (isGzip(file.content) ? gunzipSync(file.content) : file.content).toString('utf8');
  } catch (err) {
    yield {
      kind: 'rejected',
      location: file.location,
      reason: `cannot decompress: ${(err as Error).message}`,
    };
    return;
  }
  const lines = text.split(/\r?\n/);
  const comment = lines[0] ?? '';
  const date = comment.startsWith('#') ? scoreDate(comment) : undefined;
  if (!date) {
    const reason = 'no score date: the first line must be `#model_version:…,score_date:YYYY-MM-DD…`';
    yield { kind: 'rejected', location: file.location, reason };
    return;
  }
  const header = (lines[1] ?? '').trim().toLowerCase().split(',');
  if (header.join(',') !== 'cve,epss,percentile') {
    yield {
      kind: 'rejected',
      location: file.location,
      reason: `unexpected header "${lines[1] ?? ''}" (want cve,epss,percentile)`,
    };
    return;
  }
  for (let i = 2; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    if (line === '') continue;
    const [cve = '', epss, percentile, ...rest] = line.split(',');
    const where = `${file.location}:${i + 1}`;
    const score = probability(epss);
    const rank = probability(percentile);
    if (!CVE_ID.test(cve.trim()))
      yield { kind: 'rejected', location: where, reason: `not a CVE id: "${cve}"` };
    else if (rest.length > 0) yield { kind: 'rejected', location: where, reason: 'more than three columns' };
    else if (score === undefined)
      yield { kind: 'rejected', location: where, reason: `epss "${epss ?? ''}" is not a number in [0, 1]` };
    else if (rank === undefined) {
      yield {
        kind: 'rejected',
        location: where,
        reason: `percentile "${percentile ?? ''}" is not a number in [0, 1]`,
      };
    } else yield { kind: 'epss', score: { cve: cve.trim(), score, percentile: rank, date } };
  }
}

/** FIRST's daily EPSS scores (`epss_scores-YYYY-MM-DD.csv[.gz]`). */
export const epssParser: FeedParser = {
  name: PROVIDER,
  detect(file: FeedFile): boolean {
    if (!/\.csv(?:\.gz)?$/i.test(file.name) && !isGzip(file.content)) return false;
    const start = head(file.content);
    return /^#model_version\b/.test(start) || /^cve,epss,percentile\b/i.test(start);
  },
  parse: parseEpss,
};
