import type { Collected, OvalContext } from './context.js';
import { collectObject } from './objects.js';
import { applyCheck, combine, readCheck, readOperator, type OvalResult } from './result.js';
import { itemAgainstState } from './states.js';

/** Whether the number of collected items satisfies check_existence (all items we collect exist). */
function existence(check: string, collected: Collected): boolean {
  const n = collected.items.length;
  switch (check) {
    case 'any_exist':
      return true;
    case 'at_least_one_exists':
      return n >= 1;
    case 'none_exist':
      return n === 0;
    case 'only_one_exists':
      return n === 1;
    default:
      // all_exist: something was found, and nothing the object names is missing.
      return n >= 1;
  }
}

/**
 * A test's result (once per evaluation): its object's items are collected, check_existence is
 * applied to them, and then each item is compared with the test's states (combined by
 * state_operator) and the item results are combined by `check`. An object whose probe Customs
 * does not have is `not evaluated`; a collection error is `error`.
 */
export function evaluateTest(context: OvalContext, id: string): OvalResult {
  const known = context.tests.get(id);
  if (known) return known;
  const result = evaluateFresh(context, id);
  context.tests.set(id, result);
  return result;
}

function evaluateFresh(context: OvalContext, id: string): OvalResult {
  const test = context.doc.tests.get(id);
  if (!test) return 'error';
  if (test.name === 'unknown_test') return 'unknown';
  const objectRef = test.children.find((c) => c.name === 'object')?.attrs.object_ref;
  if (!objectRef) return 'error';
  const object = context.doc.objects.get(objectRef);
  if (!object) return 'error';
  if (object.name.replace(/_object$/, '') !== test.name.replace(/_test$/, '')) return 'error';
  const collected = collectObject(context, objectRef);
  if (collected.flag === 'not collected') return 'not evaluated';
  if (collected.flag === 'error') return 'error';
  if (!existence(test.attrs.check_existence ?? 'at_least_one_exists', collected)) return 'false';
  const stateRefs = test.children.filter((c) => c.name === 'state').map((c) => c.attrs.state_ref ?? '');
  if (stateRefs.length === 0 || collected.items.length === 0) return 'true';
  const states = stateRefs.map((ref) => context.doc.states.get(ref));
  if (states.some((s) => s === undefined)) return 'error';
  const operator = readOperator(test.attrs.state_operator);
  const perItem = collected.items.map((item) =>
    combine(
      operator,
      states.map((state) => itemAgainstState(context, item, state!)),
    ),
  );
  return applyCheck(readCheck(test.attrs.check, 'all'), perItem);
}
