import type { BundleProblem } from '../types.js';
import type { ParamSpec, ParamValue, TriggerSpec } from '../gates/types.js';
import { convertValue } from './convert-value.js';

export interface ValidatedParams {
  /** Typed values keyed by each spec's canonical `name`; defaults filled in. */
  values: Record<string, ParamValue>;
  /** The params as written, names canonicalised, values as strings (what a PolicyRule holds). */
  params: { name: string; value: string }[];
  problems: BundleProblem[];
}

/**
 * Checks a rule's `params` (an array of `{name, value}` from a bundle, at JSON path `path`)
 * against a trigger's parameter specs: names match case-insensitively and by alias, every
 * value converts to its type, required ones are present, unknown and repeated ones are
 * reported. Every problem is collected; nothing throws.
 */
export function validateParams(trigger: TriggerSpec, raw: unknown, path: string): ValidatedParams {
  const result: ValidatedParams = { values: {}, params: [], problems: [] };
  const problem = (where: string, message: string, value?: unknown): void => {
    result.problems.push(value === undefined ? { path: where, message } : { path: where, message, value });
  };
  const entries = raw === undefined || raw === null ? [] : raw;
  if (!Array.isArray(entries)) {
    problem(path, 'params must be a list of {name, value} objects', raw);
    return result;
  }
  const seen = new Map<ParamSpec, number>();
  entries.forEach((entry: unknown, index) => {
    const at = `${path}[${index}]`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      problem(at, 'a parameter must be a {name, value} object', entry);
      return;
    }
    const { name, value } = entry as Record<string, unknown>;
    if (typeof name !== 'string' || name.trim() === '') {
      problem(`${at}.name`, 'a parameter needs a name', name);
      return;
    }
    const spec = findSpec(trigger, name);
    if (!spec) {
      const known = trigger.params.map((p) => p.name).join(', ') || 'none';
      problem(
        `${at}.name`,
        `unknown parameter "${name}" for trigger ${trigger.name} (known: ${known})`,
        name,
      );
      return;
    }
    const earlier = seen.get(spec);
    if (earlier !== undefined) {
      problem(`${at}.name`, `parameter "${spec.name}" is already given at ${path}[${earlier}]`, name);
      return;
    }
    seen.set(spec, index);
    const text = scalarText(value);
    if (text === undefined) {
      problem(`${at}.value`, `parameter "${spec.name}" needs a string value`, value);
      return;
    }
    result.params.push({ name: spec.name, value: text });
    const converted = convertValue(spec, text);
    if (converted.ok) result.values[spec.name] = converted.value;
    else problem(`${at}.value`, `parameter "${spec.name}" ${converted.message}`, text);
  });
  for (const spec of trigger.params) {
    if (seen.has(spec)) continue;
    if (spec.required) {
      problem(path, `trigger ${trigger.name} needs parameter "${spec.name}"`);
    } else if (spec.default !== undefined) {
      const converted = convertValue(spec, spec.default);
      if (converted.ok) result.values[spec.name] = converted.value;
    }
  }
  return result;
}

function findSpec(trigger: TriggerSpec, name: string): ParamSpec | undefined {
  const wanted = name.trim().toLowerCase();
  return trigger.params.find(
    (spec) =>
      spec.name.toLowerCase() === wanted || (spec.aliases ?? []).some((a) => a.toLowerCase() === wanted),
  );
}

/** Anchore values are strings; numbers and booleans (common in YAML) are taken as written. */
function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}
