import type { TSchema } from '@sinclair/typebox';
import { type ShapeProblem, child, shapeProblems } from '../../schema/shape-problems.js';
import type { BundleProblem } from '../types.js';
export { withoutNulls } from '../../schema/without-nulls.js';

interface Entry {
  problem: BundleProblem;
  /** Set for a problem about a whole list (a duplicate id): it sorts after the list's items. */
  after?: string;
}

/**
 * Collects the problems of a bundle: the shape problems its schema finds and the problems only
 * code can find (names, ids, patterns, dates), all reported at once in document order.
 */
export class ProblemSink {
  private readonly entries: Entry[] = [];

  add(path: string, message: string, value?: unknown, after?: string): void {
    const problem = value === undefined ? { path, message } : { path, message, value };
    this.entries.push(after === undefined ? { problem } : { problem, after });
  }

  addAll(problems: readonly BundleProblem[], after?: (problem: BundleProblem) => string | undefined): void {
    for (const p of problems) this.add(p.path, p.message, p.value, after?.(p));
  }

  /** Reports every id used more than once in the list at `listPath`; `what` names the things. */
  duplicates(entries: readonly { id: unknown; path: string }[], what: string, listPath: string): void {
    const first = new Map<string, string>();
    for (const { id, path } of entries) {
      if (typeof id !== 'string') continue;
      const earlier = first.get(id);
      if (earlier === undefined) first.set(id, path);
      else this.add(path, `duplicate ${what} id (first used at ${earlier})`, id, listPath);
    }
  }

  /**
   * The schema's shape problems and these together, in document order (the schema's field order,
   * list items in turn). Where this sink has a problem at a path, it replaces the schema's there:
   * the code knows more (the trigger's parameter names, the policy ids).
   */
  problems(schema: TSchema, doc: unknown): BundleProblem[] {
    const own = new Set(this.entries.map((e) => e.problem.path));
    const shape = shapeProblems(schema, doc)
      .filter((p) => !own.has(p.path))
      .map((p): Entry => ({ problem: withoutSegments(p) }));
    const all = [...shape, ...this.entries].map((entry, index) => ({
      entry,
      index,
      key: orderKey(schema, entry),
    }));
    all.sort((a, b) => compareKeys(a.key, b.key) || a.index - b.index);
    return all.map((x) => x.entry.problem);
  }
}

function withoutSegments(p: ShapeProblem): BundleProblem {
  return p.value === undefined
    ? { path: p.path, message: p.message }
    : { path: p.path, message: p.message, value: p.value };
}

/** `$.a[0].b` → ['a', 0, 'b']. */
function segmentsOf(path: string): (string | number)[] {
  return [...path.slice(1).matchAll(/\.([^.[]+)|\[(\d+)\]/g)].map((m) =>
    m[2] === undefined ? (m[1] as string) : Number(m[2]),
  );
}

/** Field positions (in schema order) and item indexes down the path; a list problem after its items. */
function orderKey(root: TSchema, entry: Entry): number[] {
  const key: number[] = [];
  let schema: TSchema | undefined = root;
  for (const segment of segmentsOf(entry.after ?? entry.problem.path)) {
    if (typeof segment === 'number') key.push(segment);
    else {
      const fields = Object.keys((schema as { properties?: object } | undefined)?.properties ?? {});
      const at = fields.indexOf(segment);
      key.push(at === -1 ? fields.length : at);
    }
    schema = schema === undefined ? undefined : child(schema, String(segment));
  }
  if (entry.after !== undefined) key.push(Number.POSITIVE_INFINITY);
  return key;
}

function compareKeys(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const d = (a[i] as number) - (b[i] as number);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

export type Doc = Record<string, unknown>;

export function isDoc(value: unknown): value is Doc {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A field's text when it is a non-blank string (the schema reports anything else). */
export function textOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** A free-text field (name, comment) when it is a string. */
export function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/**
 * The first present spelling of a field that has several (`whitelists`/`allowlists`). Giving
 * two spellings at once is a problem: which one wins would be a guess.
 */
export function readAliased(
  doc: Doc,
  keys: readonly string[],
  path: string,
  sink: ProblemSink,
): { key: string; value: unknown } | undefined {
  const present = keys.filter((key) => doc[key] !== undefined);
  if (present.length > 1) {
    sink.add(`${path}.${present[1]}`, `give only one of ${present.map((k) => `"${k}"`).join(', ')}`);
  }
  const key = present[0];
  return key === undefined ? undefined : { key, value: doc[key] };
}

/** A list field (aliases allowed): its items (none when it is not a list) and the path of the spelling used. */
export function readList(
  doc: Doc,
  keys: readonly string[],
  path: string,
  sink: ProblemSink,
): { items: unknown[]; path: string } {
  const found = readAliased(doc, keys, path, sink);
  const at = `${path}.${found?.key ?? (keys[0] as string)}`;
  return { items: Array.isArray(found?.value) ? found.value : [], path: at };
}

/** Non-blank string ids of a list (the schema reports the rest). */
export function idsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((id): id is string => textOf(id) !== undefined) : [];
}
