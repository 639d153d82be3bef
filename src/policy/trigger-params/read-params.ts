import { regexFromText } from '../checks/regex-match.js';
import type { ParamValue } from '../gates/types.js';

/**
 * Typed reads of a trigger's parameters. Validation has already typed them; these readers also
 * accept the raw string form (and an alias name) so that a trigger never throws on odd input.
 */
export type Params = Readonly<Record<string, ParamValue>>;

function raw(params: Params, names: readonly string[]): ParamValue | undefined {
  for (const name of names) {
    const value = params[name];
    if (value !== undefined) return value;
  }
  return undefined;
}

export function stringParam(params: Params, ...names: string[]): string | undefined {
  const value = raw(params, names);
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.join(',');
  if (value instanceof RegExp) return value.source;
  return String(value);
}

export function boolParam(params: Params, fallback: boolean, ...names: string[]): boolean {
  const value = raw(params, names);
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const lower = value.trim().toLowerCase();
    if (lower === 'true') return true;
    if (lower === 'false') return false;
  }
  return fallback;
}

export function numberParam(params: Params, ...names: string[]): number | undefined {
  const value = raw(params, names);
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim() !== '') {
    const parsed = Number(value.trim());
    return Number.isFinite(parsed) ? parsed : undefined;
  }
  return undefined;
}

/** A csv parameter: the typed list, or a string split on commas and pipes; blanks dropped. */
export function listParam(params: Params, ...names: string[]): string[] {
  const value = raw(params, names);
  const items = Array.isArray(value)
    ? value.map(String)
    : typeof value === 'string'
      ? value.split(/[,|]/)
      : typeof value === 'number'
        ? [String(value)]
        : [];
  return items.map((item) => item.trim()).filter((item) => item !== '');
}

export function numberListParam(params: Params, ...names: string[]): number[] {
  return listParam(params, ...names)
    .map((item) => Number(item))
    .filter((n) => Number.isInteger(n));
}

/** A regex parameter: the compiled RegExp, or the string compiled here; undefined if it cannot be. */
export function regexParam(params: Params, ...names: string[]): RegExp | undefined {
  const value = raw(params, names);
  if (value instanceof RegExp) return value;
  return typeof value === 'string' ? regexFromText(value) : undefined;
}
