import type { ScapGateEvaluation, ScapGateResults } from '../policy/gates/scap/scap-results.js';
import { scapKey } from '../policy/gates/scap/scap-results.js';
import type { PolicyBundle, PolicyRule } from '../policy/types.js';
import type { SourceOptions } from '../source/types.js';

function param(rule: PolicyRule, name: string): string | undefined {
  const typed = rule.values?.[name];
  if (typeof typed === 'string') return typed;
  return rule.params.find((p) => p.name.toLowerCase() === name)?.value;
}

/** The (content, profile) pairs the bundle's scap rules name, each once. */
export function scapRequests(bundle: PolicyBundle): { content: string; profile?: string }[] {
  const out = new Map<string, { content: string; profile?: string }>();
  for (const rule of bundle.policies.flatMap((p) => p.rules)) {
    if (rule.gate.toLowerCase() !== 'scap') continue;
    const content = param(rule, 'content');
    if (!content) continue;
    const profile = param(rule, 'profile');
    out.set(scapKey(content, profile), { content, ...(profile ? { profile } : {}) });
  }
  return [...out.values()];
}

/**
 * Evaluates the SCAP content the bundle's scap rules name against `source`, for the gate to read;
 * undefined when no rule names any. The SCAP code is loaded only then. Bad content (a missing
 * file, an unknown profile) is the user's error and stops the check.
 */
export async function scapForBundle(
  bundle: PolicyBundle,
  source: string,
  options: SourceOptions,
): Promise<ScapGateResults | undefined> {
  const requests = scapRequests(bundle);
  if (requests.length === 0) return undefined;
  const { evaluateScapImage } = await import('../scap/evaluate-image.js');
  const results = new Map<string, ScapGateEvaluation>();
  for (const request of requests) {
    const evaluation = await evaluateScapImage(source, request.content, {
      ...options,
      ...(request.profile ? { profile: request.profile } : {}),
    });
    results.set(scapKey(request.content, request.profile), {
      rules: evaluation.results
        .filter((r) => r.result !== 'notselected')
        .map((r) => ({ id: r.ruleId, title: r.title, severity: r.severity, result: r.result })),
    });
  }
  return results;
}
