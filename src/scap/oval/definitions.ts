import type { XmlNode } from '../../xml/xml-reader.js';
import type { OvalContext } from './context.js';
import { combine, negateResult, readOperator, type OvalResult } from './result.js';
import { evaluateTest } from './tests.js';

const isTrue = (v: string | undefined): boolean => v === 'true' || v === '1';

function evaluateCriteria(context: OvalContext, criteria: XmlNode): OvalResult {
  const results: OvalResult[] = [];
  for (const child of criteria.children) {
    if (child.name === 'criteria') results.push(evaluateCriteria(context, child));
    else if (child.name === 'criterion')
      results.push(
        negateResult(evaluateTest(context, child.attrs.test_ref ?? ''), isTrue(child.attrs.negate)),
      );
    else if (child.name === 'extend_definition')
      results.push(
        negateResult(
          evaluateDefinition(context, child.attrs.definition_ref ?? ''),
          isTrue(child.attrs.negate),
        ),
      );
  }
  return negateResult(combine(readOperator(criteria.attrs.operator), results), isTrue(criteria.attrs.negate));
}

/** A definition's result (once per evaluation); an undefined one, or one that refers to itself, is `error`. */
export function evaluateDefinition(context: OvalContext, id: string): OvalResult {
  const known = context.definitions.get(id);
  if (known) return known;
  const el = context.doc.definitions.get(id);
  let result: OvalResult;
  if (!el || context.resolving.has(id)) result = 'error';
  else {
    context.resolving.add(id);
    const criteria = el.children.find((c) => c.name === 'criteria');
    result = criteria ? evaluateCriteria(context, criteria) : 'unknown';
    context.resolving.delete(id);
  }
  context.definitions.set(id, result);
  return result;
}
