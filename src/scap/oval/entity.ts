import { isNil, type XmlNode } from '../../xml/xml-reader.js';
import { compareValue } from './compare.js';
import type { OvalContext } from './context.js';
import { applyCheck, readCheck, type CheckEnumeration, type OvalResult } from './result.js';
import { resolveVariable } from './variables.js';

/** An object or state entity, with its variable (if any) resolved to values. */
export interface Entity {
  name: string;
  operation: string;
  datatype: string;
  /** The entity's own text, or its variable's values. */
  values: string[];
  varCheck: CheckEnumeration;
  entityCheck: CheckEnumeration;
  nil: boolean;
  fromVariable: boolean;
  /** Why the variable gave no usable values. */
  error?: string;
  /** The variable needs an object Customs does not collect. */
  unsupported?: boolean;
}

export function readEntity(context: OvalContext, el: XmlNode): Entity {
  const base = {
    name: el.name,
    operation: el.attrs.operation ?? 'equals',
    datatype: el.attrs.datatype ?? 'string',
    varCheck: readCheck(el.attrs.var_check, 'all'),
    entityCheck: readCheck(el.attrs.entity_check, 'all'),
    nil: isNil(el),
  };
  const varRef = el.attrs.var_ref;
  if (varRef === undefined) return { ...base, values: [el.text], fromVariable: false };
  const resolved = resolveVariable(context, varRef);
  return {
    ...base,
    values: resolved.values,
    fromVariable: true,
    ...(resolved.error !== undefined ? { error: resolved.error } : {}),
    ...(resolved.unsupported ? { unsupported: true } : {}),
  };
}

/** One value an item holds against the entity (its variable's values combined by var_check). */
export function matchValue(entity: Entity, actual: string): OvalResult {
  if (entity.error !== undefined) return entity.unsupported ? 'not evaluated' : 'error';
  if (entity.values.length === 0) return 'error';
  return applyCheck(
    entity.varCheck,
    entity.values.map((v) => compareValue(entity.datatype, entity.operation, actual, v)),
  );
}

/**
 * An item's field against the entity: each of the field's values is matched, and the results are
 * combined by entity_check. A field the item does not have is an error.
 */
export function matchEntity(entity: Entity, actual: readonly string[] | undefined): OvalResult {
  if (actual === undefined || actual.length === 0) return 'error';
  return applyCheck(
    entity.entityCheck,
    actual.map((a) => matchValue(entity, a)),
  );
}

/**
 * The exact values an object entity can only match, when it is an `equals` on strings: the
 * probe looks those up directly instead of walking everything. Undefined otherwise.
 */
export function exactValues(entity: Entity): string[] | undefined {
  if (entity.operation !== 'equals' || entity.error !== undefined) return undefined;
  if (entity.datatype !== 'string') return undefined;
  if (entity.varCheck === 'all' && new Set(entity.values).size > 1) return [];
  if (entity.varCheck !== 'all' && entity.varCheck !== 'at least one') return undefined;
  return [...new Set(entity.values)];
}
