import type { BundleProblem } from '../types.js';

/** Collects validation problems as a bundle is read, so that all of them are reported at once. */
export class ProblemSink {
  readonly problems: BundleProblem[] = [];

  add(path: string, message: string, value?: unknown): void {
    this.problems.push(value === undefined ? { path, message } : { path, message, value });
  }

  addAll(problems: readonly BundleProblem[]): void {
    this.problems.push(...problems);
  }

  /** Reports every id used more than once; `what` names the things ("policy", "rule"). */
  duplicates(entries: readonly { id: string | undefined; path: string }[], what: string): void {
    const first = new Map<string, string>();
    for (const { id, path } of entries) {
      if (id === undefined) continue;
      const earlier = first.get(id);
      if (earlier === undefined) first.set(id, path);
      else this.add(path, `duplicate ${what} id (first used at ${earlier})`, id);
    }
  }
}

export type Doc = Record<string, unknown>;

export function isDoc(value: unknown): value is Doc {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A string field. Missing (or null) is a problem only when required; anything other than a
 * non-blank string is always one. Numbers are not silently turned into ids.
 */
export function readString(
  doc: Doc,
  key: string,
  path: string,
  sink: ProblemSink,
  required: boolean,
): string | undefined {
  const value = doc[key];
  if (value === undefined || value === null) {
    if (required) sink.add(`${path}.${key}`, `missing required field "${key}"`);
    return undefined;
  }
  if (typeof value !== 'string' || value.trim() === '') {
    sink.add(`${path}.${key}`, `"${key}" must be a non-empty string`, value);
    return undefined;
  }
  return value;
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
  const present = keys.filter((key) => doc[key] !== undefined && doc[key] !== null);
  if (present.length > 1) {
    sink.add(`${path}.${present[1]}`, `give only one of ${present.map((k) => `"${k}"`).join(', ')}`);
  }
  const key = present[0];
  return key === undefined ? undefined : { key, value: doc[key] };
}

/** A list field (aliases allowed): its items and the path of the spelling used. */
export function readList(
  doc: Doc,
  keys: readonly string[],
  path: string,
  sink: ProblemSink,
  required: boolean,
): { items: unknown[]; path: string } {
  const found = readAliased(doc, keys, path, sink);
  const first = keys[0] as string;
  if (!found) {
    if (required) sink.add(`${path}.${first}`, `missing required field "${first}"`);
    return { items: [], path: `${path}.${first}` };
  }
  const at = `${path}.${found.key}`;
  if (!Array.isArray(found.value)) {
    sink.add(at, `"${found.key}" must be a list`, found.value);
    return { items: [], path: at };
  }
  return { items: found.value, path: at };
}

/** Ids in a list of strings (`policy_ids`, `whitelist_ids`): non-strings are problems. */
export function readIdList(value: unknown, path: string, sink: ProblemSink): string[] {
  if (!Array.isArray(value)) {
    sink.add(path, 'must be a list of ids', value);
    return [];
  }
  const ids: string[] = [];
  value.forEach((item: unknown, index) => {
    if (typeof item === 'string' && item.trim() !== '') ids.push(item);
    else sink.add(`${path}[${index}]`, 'an id must be a non-empty string', item);
  });
  return ids;
}

/** An optional free-text field (name, comment): any string, empty included. */
export function optionalText(doc: Doc, key: string, path: string, sink: ProblemSink): string | undefined {
  const value = doc[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  sink.add(`${path}.${key}`, `"${key}" must be a string`, value);
  return undefined;
}
