import type { XmlNode } from '../../xml/xml-reader.js';
import type { Collected, Item, OvalContext } from './context.js';
import { probeName } from './object-entities.js';
import { PROBES } from './probes/registry.js';
import { itemAgainstState } from './states.js';

const itemKey = (item: Item): string =>
  JSON.stringify(
    Object.keys(item)
      .sort()
      .map((k) => [k, item[k]]),
  );

/** Applies the object's `filter` children: exclude (default) or include items by a state. */
function applyFilters(context: OvalContext, el: XmlNode, collected: Collected): Collected {
  const filters = el.children.filter((c) => c.name === 'filter');
  if (filters.length === 0 || collected.flag !== 'complete') return collected;
  let items = collected.items;
  for (const filter of filters) {
    const state = context.doc.states.get(filter.text.trim());
    if (!state)
      return { flag: 'error', items: [], message: `filter state ${filter.text.trim()} is not defined` };
    const include = filter.attrs.action === 'include';
    const kept: Item[] = [];
    for (const item of items) {
      const r = itemAgainstState(context, item, state);
      if (r === 'not evaluated')
        return {
          flag: 'not collected',
          items: [],
          message: `filter state ${state.attrs.id} cannot be evaluated`,
        };
      if (r === 'error' || r === 'unknown')
        return { flag: 'error', items: [], message: `filter state ${state.attrs.id} could not be evaluated` };
      if ((r === 'true') === include) kept.push(item);
    }
    items = kept;
  }
  return { flag: items.length > 0 ? 'complete' : 'does not exist', items };
}

function collectSet(context: OvalContext, set: XmlNode): Collected {
  const operands: Collected[] = [];
  for (const child of set.children) {
    if (child.name === 'object_reference') operands.push(collectObject(context, child.text.trim()));
    else if (child.name === 'set') operands.push(collectSet(context, child));
  }
  const failed = operands.find((o) => o.flag === 'error' || o.flag === 'not collected');
  if (failed) return failed;
  const op = set.attrs.set_operator ?? 'UNION';
  const [first = { flag: 'does not exist', items: [] }, second] = operands;
  let items: Item[];
  if (op === 'UNION') {
    const seen = new Map<string, Item>();
    for (const o of operands) for (const item of o.items) seen.set(itemKey(item), item);
    items = [...seen.values()];
  } else {
    const other = new Set((second?.items ?? []).map(itemKey));
    items = first.items.filter((item) =>
      op === 'INTERSECTION' ? other.has(itemKey(item)) : !other.has(itemKey(item)),
    );
  }
  // Filters of a set apply to its result.
  return applyFilters(context, set, { flag: items.length > 0 ? 'complete' : 'does not exist', items });
}

/** Collects the items of object `id` (once per evaluation). */
export function collectObject(context: OvalContext, id: string): Collected {
  const known = context.objects.get(id);
  if (known) return known;
  const el = context.doc.objects.get(id);
  let collected: Collected;
  if (!el) collected = { flag: 'error', items: [], message: `object ${id} is not defined` };
  else if (context.resolving.has(id))
    collected = { flag: 'error', items: [], message: `object ${id} refers to itself` };
  else {
    context.resolving.add(id);
    const set = el.children.find((c) => c.name === 'set');
    if (set) collected = collectSet(context, set);
    else {
      const probe = PROBES.get(probeName(el));
      if (!probe || probe.ns !== el.ns)
        collected = { flag: 'not collected', items: [], message: `${el.name} is not supported` };
      else {
        try {
          collected = applyFilters(context, el, probe.collect(context, el));
        } catch (err) {
          collected = { flag: 'error', items: [], message: (err as Error).message };
        }
      }
    }
    context.resolving.delete(id);
  }
  context.objects.set(id, collected);
  return collected;
}
