import { healthGrade } from '../grade/index.js';
import type { GateContext, GateSpec } from '../gates/types.js';
import { allowedImageMatch, deniedImageMatch, firstMapping, fullTag } from '../mapping/index.js';
import type { EvaluationResult, PolicyAction, PolicyBundle } from '../types.js';
import { evaluateMapping } from './evaluate-mapping.js';
import { imageUnderTest } from './image-under-test.js';
import type { Problem } from './run-rule.js';

/** What the gates see; `now` may come from the options instead. */
export type EvaluationContext = Omit<GateContext, 'now'> & { now?: Date };

export interface EvaluateOptions {
  /** The reference to evaluate the image as (`--tag`); else the source's registry reference. */
  tag?: string;
  /** The evaluation time (allowlist expiry, grade, gates); default the context's, else now. */
  now?: Date;
  /** Cancels the evaluation between rules, and any plugin gate running: CancelledError. */
  signal?: AbortSignal;
}

type Decision = Pick<EvaluationResult, 'finalAction' | 'finalActionReason'>;

/**
 * Evaluates a validated bundle for one image against the given gates. The first mapping that
 * matches the image runs (all its policies, all its allowlists); a denied image is STOP and an
 * allowed image GO whatever the policies say (their findings are still listed). An image no
 * mapping covers gets the bundle's `no_mapping_action`, else STOP: Customs fails closed where
 * Anchore lets it through, and so does a rule that fails to run. Never throws for odd image data; a bad `tag` is a PolicyError.
 */
export async function evaluateWithGates(
  bundle: PolicyBundle,
  input: EvaluationContext,
  options: EvaluateOptions,
  gates: readonly GateSpec[],
): Promise<EvaluationResult> {
  const now = options.now ?? input.now ?? new Date();
  const image = imageUnderTest(input.sbom?.source, options.tag);
  const context: GateContext & { gradeThresholds?: PolicyBundle['grade'] } = {
    ...input,
    now,
    ...(options.signal ? { signal: options.signal } : {}),
  };
  if (bundle.grade) context.gradeThresholds = bundle.grade;
  const tag = fullTag(image);
  const denied = deniedImageMatch(bundle, image);
  const allowed = allowedImageMatch(bundle, image);
  const mapping = firstMapping(bundle, image);
  const problems: Problem[] = [];
  const outcome = mapping ? await evaluateMapping(bundle, mapping, context, gates) : undefined;
  if (outcome) problems.push(...outcome.problems);

  let decision: Decision;
  if (denied) decision = { finalAction: 'stop', finalActionReason: 'denied_image' };
  else if (allowed) decision = { finalAction: 'go', finalActionReason: 'allowed_image' };
  else if (!outcome) {
    const action: PolicyAction = bundle.noMappingAction ?? 'stop';
    problems.push({
      severity: action === 'stop' ? 'error' : 'warn',
      type: 'no_mapping',
      details: bundle.noMappingAction
        ? `no mapping matches ${tag}: the bundle's no_mapping_action ${action.toUpperCase()} applies`
        : `no mapping matches ${tag}: STOP, as Customs fails closed (set no_mapping_action in the bundle to change it)`,
    });
    decision = { finalAction: action, finalActionReason: 'no_mapping' };
  } else if (outcome.rulesFailed > 0) {
    // A rule that could not run (a gate that threw, a plugin that failed) cannot vouch for the
    // image: fail closed, as Anchore does on evaluation failures. The other rules' findings stay.
    decision = { finalAction: 'stop', finalActionReason: 'evaluation_error' };
  } else decision = { finalAction: outcome.action, finalActionReason: 'policy_evaluation' };

  const result: EvaluationResult = {
    ...decision,
    status: decision.finalAction === 'stop' ? 'fail' : 'pass',
    matchedMapping: mapping ?? false,
    matchedAllowedImage: allowed ?? false,
    matchedDeniedImage: denied ?? false,
    tag,
    findings: outcome?.findings ?? [],
    problems,
    bundle: bundle.name === undefined ? { id: bundle.id } : { id: bundle.id, name: bundle.name },
    evaluatedAt: now.toISOString(),
  };
  if (input.sbom?.source.reference) result.sourceReference = input.sbom.source.reference;
  if (image.digest) result.imageDigest = image.digest;
  if (input.scan) result.grade = healthGrade(input.scan, bundle.grade, now);
  else {
    problems.push({
      severity: 'warn',
      type: 'no_vulnerability_scan',
      details: 'no vulnerability scan: vulnerability rules could not decide and no grade was computed',
    });
  }
  return result;
}
