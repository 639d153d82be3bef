import type { XmlNode } from '../../xml/xml-reader.js';
import type { Item, OvalContext } from './context.js';
import { matchEntity, readEntity } from './entity.js';
import { combine, readOperator, type OvalResult } from './result.js';

/**
 * One item against one state: each of the state's entities against the item's field of the same
 * name, combined by the state's `operator` (AND by default). A state entity with record fields
 * (`datatype="record"`) is not supported: `not evaluated`.
 */
export function itemAgainstState(context: OvalContext, item: Item, state: XmlNode): OvalResult {
  const results: OvalResult[] = [];
  for (const el of state.children) {
    if (el.name === 'notes') continue;
    if (el.attrs.datatype === 'record') return 'not evaluated';
    const entity = readEntity(context, el);
    results.push(matchEntity(entity, item[el.name]));
  }
  if (results.length === 0) return 'true';
  return combine(readOperator(state.attrs.operator), results);
}
