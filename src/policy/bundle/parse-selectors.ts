import { globProblem } from '../mapping/glob.js';
import type { ImageSelector, Mapping } from '../types.js';
import {
  type Doc,
  type ProblemSink,
  isDoc,
  optionalText,
  readAliased,
  readIdList,
  readString,
} from './problem-sink.js';

const IMAGE_TYPES = ['tag', 'digest', 'id'] as const;

/** Allowed or denied image lists: each entry an image selector. */
export function parseSelectors(items: readonly unknown[], path: string, sink: ProblemSink): ImageSelector[] {
  return items
    .map((item, index) => parseSelector(item, `${path}[${index}]`, sink, 'an image selector'))
    .filter((s) => s !== undefined);
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
    const selector = parseSelector(item, at, sink, 'a mapping');
    if (!selector || !isDoc(item)) return;
    mappings.push({
      ...selector,
      policy_ids: policyIds(item, at, sink, known.policies),
      allowlist_ids: allowlistIds(item, at, sink, known.allowlists),
    });
  });
  sink.duplicates(
    items.map((m, i) => ({
      id: isDoc(m) && typeof m.id === 'string' ? m.id : undefined,
      path: `${path}[${i}].id`,
    })),
    'mapping',
  );
  return mappings;
}

function parseSelector(
  item: unknown,
  at: string,
  sink: ProblemSink,
  what: string,
): ImageSelector | undefined {
  if (!isDoc(item)) {
    sink.add(at, `${what} must be an object`, item);
    return undefined;
  }
  const registry = pattern(item, 'registry', at, sink);
  const repository = pattern(item, 'repository', at, sink);
  const image = parseImage(item.image, `${at}.image`, sink);
  const selector: ImageSelector = {
    registry: registry ?? '',
    repository: repository ?? '',
    image: image ?? { type: 'tag', value: '' },
  };
  const id = readString(item, 'id', at, sink, false);
  const name = optionalText(item, 'name', at, sink);
  if (id !== undefined) selector.id = id;
  if (name !== undefined) selector.name = name;
  return selector;
}

function pattern(item: Doc, key: string, at: string, sink: ProblemSink): string | undefined {
  const value = readString(item, key, at, sink, true);
  const bad = value === undefined ? undefined : globProblem(value);
  if (bad) sink.add(`${at}.${key}`, `bad regexp: pattern: ${bad}`, value);
  return value;
}

function parseImage(value: unknown, at: string, sink: ProblemSink): ImageSelector['image'] | undefined {
  if (value === undefined || value === null) {
    sink.add(at, 'missing required field "image" ({type: tag|digest|id, value})');
    return undefined;
  }
  if (!isDoc(value)) {
    sink.add(at, '"image" must be an object {type: tag|digest|id, value}', value);
    return undefined;
  }
  const rawType = value.type;
  const type = typeof rawType === 'string' ? rawType.trim().toLowerCase() : '';
  const known = (IMAGE_TYPES as readonly string[]).includes(type);
  if (rawType === undefined || rawType === null)
    sink.add(`${at}.type`, 'missing required field "type" (tag, digest or id)');
  else if (!known) sink.add(`${at}.type`, 'image type must be tag, digest or id', rawType);
  const text = readString(value, 'value', at, sink, true);
  if (text !== undefined && type === 'tag') {
    const bad = globProblem(text);
    if (bad) sink.add(`${at}.value`, `bad regexp: pattern: ${bad}`, text);
  }
  if (!known || text === undefined) return undefined;
  return { type: type as ImageSelector['image']['type'], value: text };
}

/** Exactly one of `policy_id` (normalised to a one-element list) and `policy_ids`. */
function policyIds(item: Doc, at: string, sink: ProblemSink, known: ReadonlySet<string>): string[] {
  const single = item.policy_id;
  const many = item.policy_ids;
  const hasSingle = single !== undefined && single !== null;
  const hasMany = many !== undefined && many !== null;
  if (hasSingle && hasMany) {
    sink.add(`${at}.policy_ids`, 'give policy_id or policy_ids, not both', {
      policy_id: single,
      policy_ids: many,
    });
    return [];
  }
  if (!hasSingle && !hasMany) {
    sink.add(`${at}.policy_ids`, 'a mapping needs policy_ids (or policy_id)');
    return [];
  }
  if (hasSingle) {
    if (typeof single === 'string' && single.trim() !== '') {
      if (!known.has(single)) sink.add(`${at}.policy_id`, 'no policy has this id', single);
      return [single];
    }
    sink.add(`${at}.policy_id`, 'policy_id must be a non-empty string', single);
    return [];
  }
  const ids = readIdList(many, `${at}.policy_ids`, sink);
  if (Array.isArray(many) && many.length === 0)
    sink.add(`${at}.policy_ids`, 'a mapping needs at least one policy id', many);
  danglingIds(many, ids, `${at}.policy_ids`, known, 'policy', sink);
  return ids;
}

function allowlistIds(item: Doc, at: string, sink: ProblemSink, known: ReadonlySet<string>): string[] {
  const found = readAliased(item, ['whitelist_ids', 'allowlist_ids'], at, sink);
  if (!found) return [];
  const ids = readIdList(found.value, `${at}.${found.key}`, sink);
  danglingIds(found.value, ids, `${at}.${found.key}`, known, 'allowlist', sink);
  return ids;
}

function danglingIds(
  raw: unknown,
  ids: readonly string[],
  path: string,
  known: ReadonlySet<string>,
  what: string,
  sink: ProblemSink,
): void {
  if (!Array.isArray(raw)) return;
  raw.forEach((id: unknown, index) => {
    if (typeof id === 'string' && ids.includes(id) && !known.has(id))
      sink.add(`${path}[${index}]`, `no ${what} has this id`, id);
  });
}
