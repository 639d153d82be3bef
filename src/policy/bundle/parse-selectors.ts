import { globProblem } from '../mapping/glob.js';
import type { ImageSelector, Mapping } from '../types.js';
import { type Doc, type ProblemSink, idsOf, isDoc, readAliased, stringOf, textOf } from './problem-sink.js';

const IMAGE_TYPES = ['tag', 'digest', 'id'] as const;

/** Allowed or denied image lists: each entry an image selector. */
export function parseSelectors(items: readonly unknown[]): ImageSelector[] {
  return items.map((item) => (isDoc(item) ? selectorOf(item) : undefined)).filter((s) => s !== undefined);
}

/** Ids a mapping may refer to. */
export interface KnownIds {
  policies: ReadonlySet<string>;
  allowlists: ReadonlySet<string>;
}

/** Mappings, in order: selector plus the policies and allowlists they apply, which must exist. */
export function parseMappings(
  items: readonly unknown[],
  path: string,
  sink: ProblemSink,
  known: KnownIds,
): Mapping[] {
  const mappings: Mapping[] = [];
  items.forEach((item, index) => {
    const at = `${path}[${index}]`;
    if (!isDoc(item)) return;
    const selector = selectorOf(item);
    patternProblems(item, at, sink);
    mappings.push({
      ...selector,
      policy_ids: policyIds(item, at, sink, known.policies),
      allowlist_ids: allowlistIds(item, at, sink, known.allowlists),
    });
  });
  sink.duplicates(
    items.map((m, i) => ({ id: isDoc(m) ? m.id : undefined, path: `${path}[${i}].id` })),
    'mapping',
    path,
  );
  return mappings;
}

/** The selector as far as it reads (the schema reports what does not). */
function selectorOf(item: Doc): ImageSelector {
  const image = isDoc(item.image) ? item.image : {};
  const type = typeof image.type === 'string' ? image.type.trim().toLowerCase() : '';
  const value = textOf(image.value);
  const selector: ImageSelector = {
    registry: textOf(item.registry) ?? '',
    repository: textOf(item.repository) ?? '',
    image:
      (IMAGE_TYPES as readonly string[]).includes(type) && value !== undefined
        ? { type: type as ImageSelector['image']['type'], value }
        : { type: 'tag', value: '' },
  };
  const id = textOf(item.id);
  const name = stringOf(item.name);
  if (id !== undefined) selector.id = id;
  if (name !== undefined) selector.name = name;
  return selector;
}

/** Registry, repository and tag patterns (`*` globs, `regexp:`) that would not compile. */
function patternProblems(item: Doc, at: string, sink: ProblemSink): void {
  const check = (value: unknown, where: string): void => {
    const text = textOf(value);
    const bad = text === undefined ? undefined : globProblem(text);
    if (bad) sink.add(where, `bad regexp: pattern: ${bad}`, text);
  };
  check(item.registry, `${at}.registry`);
  check(item.repository, `${at}.repository`);
  const image = isDoc(item.image) ? item.image : undefined;
  if (typeof image?.type === 'string' && image.type.trim().toLowerCase() === 'tag')
    check(image.value, `${at}.image.value`);
}

/** Exactly one of `policy_id` (normalised to a one-element list) and `policy_ids`. */
function policyIds(item: Doc, at: string, sink: ProblemSink, known: ReadonlySet<string>): string[] {
  const single = item.policy_id;
  const many = item.policy_ids;
  if (single !== undefined && many !== undefined) {
    sink.add(`${at}.policy_ids`, 'give policy_id or policy_ids, not both', {
      policy_id: single,
      policy_ids: many,
    });
    return [];
  }
  if (single === undefined && many === undefined) {
    sink.add(`${at}.policy_ids`, 'a mapping needs policy_ids (or policy_id)');
    return [];
  }
  if (single !== undefined) {
    const id = textOf(single);
    if (id === undefined) return [];
    if (!known.has(id)) sink.add(`${at}.policy_id`, 'no policy has this id', id);
    return [id];
  }
  const ids = idsOf(many);
  if (Array.isArray(many) && many.length === 0)
    sink.add(`${at}.policy_ids`, 'a mapping needs at least one policy id', many);
  danglingIds(many, known, `${at}.policy_ids`, 'policy', sink);
  return ids;
}

function allowlistIds(item: Doc, at: string, sink: ProblemSink, known: ReadonlySet<string>): string[] {
  const found = readAliased(item, ['whitelist_ids', 'allowlist_ids'], at, sink);
  if (!found) return [];
  danglingIds(found.value, known, `${at}.${found.key}`, 'allowlist', sink);
  return idsOf(found.value);
}

function danglingIds(
  raw: unknown,
  known: ReadonlySet<string>,
  path: string,
  what: string,
  sink: ProblemSink,
): void {
  if (!Array.isArray(raw)) return;
  raw.forEach((id: unknown, index) => {
    if (textOf(id) !== undefined && !known.has(id as string))
      sink.add(`${path}[${index}]`, `no ${what} has this id`, id);
  });
}
