import type { GateSpec, TriggerSpec } from '../gates/types.js';
import { validateParams } from '../params/validate-params.js';
import type { Policy, PolicyRule } from '../types.js';
import { parseAction } from './parse-action.js';
import { type ProblemSink, isDoc, optionalText, readList, readString } from './problem-sink.js';
import { checkVersion } from './parse-version.js';

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
    if (!isDoc(item)) {
      sink.add(at, 'a policy must be an object', item);
      return;
    }
    const id = readString(item, 'id', at, sink, true);
    const version = checkVersion(item, at, sink, false);
    const rulesList = readList(item, ['rules'], at, sink, true);
    const rules = rulesList.items.map((rule, i) =>
      parseRule(rule, `${rulesList.path}[${i}]`, i, id, sink, gates),
    );
    sink.duplicates(
      rulesList.items.map((rule, i) => ({
        id: isDoc(rule) && typeof rule.id === 'string' ? rule.id : undefined,
        path: `${rulesList.path}[${i}].id`,
      })),
      'rule',
    );
    const policy: Policy = {
      id: id ?? `policy-${index + 1}`,
      version,
      rules: rules.filter((r) => r !== undefined),
    };
    const name = optionalText(item, 'name', at, sink);
    const comment = optionalText(item, 'comment', at, sink);
    if (name !== undefined) policy.name = name;
    if (comment !== undefined) policy.comment = comment;
    policies.push(policy);
  });
  sink.duplicates(
    items.map((p, i) => ({
      id: isDoc(p) && typeof p.id === 'string' ? p.id : undefined,
      path: `${path}[${i}].id`,
    })),
    'policy',
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
  if (!isDoc(item)) {
    sink.add(at, 'a rule must be an object', item);
    return undefined;
  }
  // Anchore makes rule ids optional; a missing one gets a stable, readable stand-in.
  const id = readString(item, 'id', at, sink, false) ?? `${policyId ?? 'policy'}:rule-${index + 1}`;
  const gateName = readString(item, 'gate', at, sink, true);
  const triggerName = readString(item, 'trigger', at, sink, true);
  const action = parseAction(item.action, `${at}.action`, sink);
  const rule: PolicyRule = {
    id,
    gate: gateName ?? '',
    trigger: triggerName ?? '',
    action: action ?? String(item.action ?? ''),
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
  const validated = validateParams(trigger, item.params, `${at}.params`);
  sink.addAll(validated.problems);
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
