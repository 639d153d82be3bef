import type { GateSpec, TriggerSpec } from '../gates/types.js';
import { validateParams } from '../params/validate-params.js';
import type { Policy, PolicyRule } from '../types.js';
import { actionOf } from './parse-action.js';
import { type ProblemSink, isDoc, readList, stringOf, textOf } from './problem-sink.js';
import { versionOf } from './parse-version.js';

/** The policies of a bundle, each rule checked against the gates it names. */
export function parsePolicies(
  items: readonly unknown[],
  path: string,
  sink: ProblemSink,
  gates: readonly GateSpec[],
): Policy[] {
  const policies: Policy[] = [];
  items.forEach((item, index) => {
    const at = `${path}[${index}]`;
    if (!isDoc(item)) return;
    const id = textOf(item.id);
    const rulesList = readList(item, ['rules'], at, sink);
    const rules = rulesList.items.map((rule, i) =>
      parseRule(rule, `${rulesList.path}[${i}]`, i, id, sink, gates),
    );
    sink.duplicates(
      rulesList.items.map((rule, i) => ({
        id: isDoc(rule) ? rule.id : undefined,
        path: `${rulesList.path}[${i}].id`,
      })),
      'rule',
      rulesList.path,
    );
    const policy: Policy = {
      id: id ?? `policy-${index + 1}`,
      version: versionOf(item.version),
      rules: rules.filter((r) => r !== undefined),
    };
    const name = stringOf(item.name);
    const comment = stringOf(item.comment);
    if (name !== undefined) policy.name = name;
    if (comment !== undefined) policy.comment = comment;
    policies.push(policy);
  });
  sink.duplicates(
    items.map((p, i) => ({ id: isDoc(p) ? p.id : undefined, path: `${path}[${i}].id` })),
    'policy',
    path,
  );
  return policies;
}

function parseRule(
  item: unknown,
  at: string,
  index: number,
  policyId: string | undefined,
  sink: ProblemSink,
  gates: readonly GateSpec[],
): PolicyRule | undefined {
  if (!isDoc(item)) return undefined;
  // Anchore makes rule ids optional; a missing one gets a stable, readable stand-in.
  const id = textOf(item.id) ?? `${policyId ?? 'policy'}:rule-${index + 1}`;
  const gateName = textOf(item.gate);
  const triggerName = textOf(item.trigger);
  const rule: PolicyRule = {
    id,
    gate: gateName ?? '',
    trigger: triggerName ?? '',
    action: actionOf(item.action) ?? String(item.action ?? ''),
    params: [],
  };
  const gate = gateName === undefined ? undefined : findGate(gates, gateName, `${at}.gate`, sink);
  if (gate) rule.gate = gate.name;
  const trigger =
    gate && triggerName !== undefined ? findTrigger(gate, triggerName, `${at}.trigger`, sink) : undefined;
  if (!trigger) {
    rule.params = rawParams(item.params);
    return rule;
  }
  rule.trigger = trigger.name;
  const paramsAt = `${at}.params`;
  const validated = validateParams(trigger, item.params, paramsAt);
  // "needs parameter" is about the list as a whole: said after its items' problems.
  sink.addAll(validated.problems, (p) => (p.path === paramsAt ? paramsAt : undefined));
  rule.params = validated.params;
  rule.values = validated.values;
  return rule;
}

function findGate(
  gates: readonly GateSpec[],
  name: string,
  path: string,
  sink: ProblemSink,
): GateSpec | undefined {
  const wanted = name.toLowerCase();
  const gate = gates.find((g) => g.name.toLowerCase() === wanted);
  if (!gate) {
    const known = gates.filter((g) => g.state !== 'eol').map((g) => g.name);
    sink.add(path, `unknown gate (known gates: ${known.join(', ')})`, name);
    return undefined;
  }
  if (gate.state === 'eol') {
    sink.add(path, 'end-of-life gate: it is no longer evaluated, replace the rule with a current gate', name);
    return undefined;
  }
  return gate;
}

function findTrigger(gate: GateSpec, name: string, path: string, sink: ProblemSink): TriggerSpec | undefined {
  const wanted = name.toLowerCase();
  const trigger = gate.triggers.find((t) => t.name.toLowerCase() === wanted);
  if (!trigger) {
    const known = gate.triggers.map((t) => t.name).join(', ');
    sink.add(path, `unknown trigger for gate ${gate.name} (known triggers: ${known})`, name);
  }
  return trigger;
}

/** Params of a rule whose trigger is unknown: kept as written, as far as they are readable. */
function rawParams(value: unknown): { name: string; value: string }[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter(isDoc)
    .filter((p) => typeof p.name === 'string')
    .map((p) => ({
      name: p.name as string,
      value: typeof p.value === 'string' ? p.value : String(p.value ?? ''),
    }));
}
