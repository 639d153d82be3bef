import type { TSchema } from '@sinclair/typebox';
import { TypeCompiler, type TypeCheck } from '@sinclair/typebox/compiler';
import { ValueErrorType } from '@sinclair/typebox/errors';

/**
 * Schema annotations that say, in the user's words, what is wrong with a value. In a message,
 * `{key}` is replaced by the field's name, `{path}` by its path (`findings[0].trigger`) and
 * `{value}` by the value found.
 */
export interface ProblemWords {
  /** Said when the value at this node is of the wrong shape. */
  problem?: string;
  /** Said when this node is a required field that is missing. */
  missing?: string;
  /** Every error inside this node is reported once, at this node, with `problem`. */
  whole?: boolean;
}

/** One shape problem: where (as path segments and as `$.a[0].b`), what, and the value found. */
export interface ShapeProblem {
  segments: (string | number)[];
  path: string;
  message: string;
  value?: unknown;
}

const compiled = new WeakMap<TSchema, TypeCheck<TSchema>>();

function checker(schema: TSchema): TypeCheck<TSchema> {
  let check = compiled.get(schema);
  if (!check) {
    check = TypeCompiler.Compile(schema);
    compiled.set(schema, check);
  }
  return check;
}

/** Whether `value` fits `schema` (compiled once per schema: fast on big documents). */
export function fitsShape(schema: TSchema, value: unknown): boolean {
  return checker(schema).Check(value);
}

/**
 * Every place `value` does not fit `schema`, one problem per path, in the order the schema
 * checker meets them, with the annotated words (ProblemWords) where the schema has them.
 */
export function shapeProblems(schema: TSchema, value: unknown): ShapeProblem[] {
  const check = checker(schema);
  if (check.Check(value)) return [];
  const seen = new Map<string, ShapeProblem>();
  for (const error of check.Errors(value)) {
    const problem = describe(schema, value, error.path, error.type, error.schema, error.value);
    if (!seen.has(problem.path)) seen.set(problem.path, problem);
  }
  return [...seen.values()];
}

function describe(
  root: TSchema,
  value: unknown,
  pointer: string,
  type: ValueErrorType,
  node: TSchema,
  found: unknown,
): ShapeProblem {
  const keys = pointer === '' ? [] : pointer.slice(1).split('/').map(unescapePointer);
  // Walk the document and the schema along the path: a `whole` node on the way takes the error.
  const segments: (string | number)[] = [];
  let schema: TSchema | undefined = root;
  let current: unknown = value;
  for (let i = 0; ; i++) {
    const words = schema as ProblemWords | undefined;
    if (words?.whole) {
      const missing = i === keys.length && type === ValueErrorType.ObjectRequiredProperty;
      return problemAt(
        segments,
        (missing ? words.missing : undefined) ?? words.problem ?? 'is not valid',
        current,
      );
    }
    if (i === keys.length) break;
    const key = keys[i] as string;
    const segment = Array.isArray(current) && /^\d+$/.test(key) ? Number(key) : key;
    segments.push(segment);
    schema = schema === undefined ? undefined : child(schema, key);
    current = isContainer(current) ? (current as Record<string, unknown>)[key] : undefined;
  }
  const words = node as ProblemWords;
  if (type === ValueErrorType.ObjectRequiredProperty)
    return problemAt(segments, words.missing ?? `missing required field "{key}"`, undefined);
  return problemAt(segments, words.problem ?? defaultMessage(type), found);
}

function problemAt(segments: (string | number)[], message: string, value: unknown): ShapeProblem {
  const path = jsonPath(segments);
  const last = segments[segments.length - 1];
  const text = message
    .replaceAll('{key}', typeof last === 'string' ? last : '')
    .replaceAll('{path}', fieldPath(segments))
    .replaceAll('{value}', String(value));
  return value === undefined
    ? { segments: [...segments], path, message: text }
    : { segments: [...segments], path, message: text, value };
}

function defaultMessage(type: ValueErrorType): string {
  switch (type) {
    case ValueErrorType.String:
      return '"{key}" must be a string';
    case ValueErrorType.Array:
      return '"{key}" must be a list';
    case ValueErrorType.Object:
      return '"{key}" must be an object';
    case ValueErrorType.ObjectAdditionalProperties:
      return 'unknown key';
    default:
      return '"{key}" is not valid';
  }
}

/** The schema of the value at `key` below `schema`, as far as it can be told. */
export function child(schema: TSchema, key: string): TSchema | undefined {
  const s = schema as {
    properties?: Record<string, TSchema>;
    items?: TSchema;
    patternProperties?: Record<string, TSchema>;
    additionalProperties?: TSchema | boolean;
    anyOf?: TSchema[];
  };
  if (s.properties?.[key]) return s.properties[key];
  if (s.items && /^\d+$/.test(key)) return s.items;
  const pattern = s.patternProperties && Object.values(s.patternProperties)[0];
  if (pattern) return pattern;
  if (typeof s.additionalProperties === 'object') return s.additionalProperties;
  for (const member of s.anyOf ?? []) {
    const found = child(member, key);
    if (found) return found;
  }
  return undefined;
}

/** `$.policies[0].rules[2].gate` for ['policies', 0, 'rules', 2, 'gate']. */
export function jsonPath(segments: readonly (string | number)[]): string {
  return segments.reduce<string>(
    (path, s) => (typeof s === 'number' ? `${path}[${s}]` : `${path}.${s}`),
    '$',
  );
}

/** `findings[0].trigger` for ['findings', 0, 'trigger']: the JSON path without its `$.`. */
export function fieldPath(segments: readonly (string | number)[]): string {
  return jsonPath(segments).replace(/^\$\.?/, '');
}

/** Any case: JSON Schema patterns have no case-insensitive flag. */
export function anyCase(names: readonly string[]): string {
  return names.map((n) => [...n].map((c) => `[${c.toUpperCase()}${c.toLowerCase()}]`).join('')).join('|');
}

function isContainer(value: unknown): boolean {
  return typeof value === 'object' && value !== null;
}

function unescapePointer(key: string): string {
  return key.replaceAll('~1', '/').replaceAll('~0', '~');
}
