import type { EvaluationSummary, ServiceStore, SeverityCounts, TrendPoint } from '../store/types.js';

/** What the overview shows of an image beside its record: last policy result and counts. */
export interface ImageSummaryView {
  /** The health grade of the last evaluation (A best … F worst). */
  grade?: string;
  /** The last evaluation, any tag or policy. */
  policy?: {
    policy_id: string;
    tag: string;
    final_action: string;
    status: 'pass' | 'fail';
    /** The gate and trigger that decided a stop or warn. */
    gate?: string;
    trigger?: string;
    evaluated_at: string;
  };
  /** The newest stored trend row: matches by severity and in CISA's KEV catalog. */
  vulnerabilities?: { counts: SeverityCounts; kev: number; recorded_at: string };
}

/**
 * The summaries of these images, by digest, in two queries whatever their number (the newest
 * evaluation and the newest trend row of each); an image with neither has none.
 */
export async function imageSummaries(
  store: ServiceStore,
  accountId: string,
  digests: readonly string[],
): Promise<Map<string, ImageSummaryView>> {
  const [evaluations, points] = await Promise.all([
    store.evaluations.latestSummaries(accountId, digests),
    store.trends.latestPoints(accountId, digests),
  ]);
  const out = new Map<string, ImageSummaryView>();
  const entry = (digest: string) => {
    let summary = out.get(digest);
    if (!summary) out.set(digest, (summary = {}));
    return summary;
  };
  for (const e of evaluations) Object.assign(entry(e.digest), fromEvaluation(e));
  for (const p of points) entry(p.digest).vulnerabilities = fromTrend(p);
  return out;
}

function fromEvaluation(e: EvaluationSummary): ImageSummaryView {
  return {
    ...(e.grade !== undefined ? { grade: e.grade } : {}),
    policy: {
      policy_id: e.policyId,
      tag: e.tag,
      final_action: e.finalAction,
      status: e.finalAction === 'stop' ? 'fail' : 'pass',
      ...(e.decisive ? { gate: e.decisive.gate, trigger: e.decisive.trigger } : {}),
      evaluated_at: e.evaluatedAt,
    },
  };
}

function fromTrend(p: TrendPoint): NonNullable<ImageSummaryView['vulnerabilities']> {
  return { counts: { ...p.counts }, kev: p.kev, recorded_at: p.at };
}
