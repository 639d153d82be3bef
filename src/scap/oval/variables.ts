import type { XmlNode } from '../../xml/xml-reader.js';
import { collectObject } from './objects.js';
import type { OvalContext, VariableValues } from './context.js';
import { compilePcre } from './pcre.js';

interface Values {
  values: string[];
  error?: string;
  unsupported?: boolean;
}

const fail = (error: string): Values => ({ values: [], error });

/**
 * The values of the OVAL variable `id`: an external variable takes the values the XCCDF side
 * exported for it, a constant variable its listed values, a local variable what its component
 * (a literal, another variable, an object's items, or a function of those) gives.
 */
export function resolveVariable(context: OvalContext, id: string): VariableValues {
  const known = context.variables.get(id);
  if (known) return known;
  const el = context.doc.variables.get(id);
  let result: VariableValues;
  if (!el) result = { values: [], datatype: 'string', error: `variable ${id} is not defined` };
  else if (context.resolving.has(id))
    result = { values: [], datatype: 'string', error: `variable ${id} refers to itself` };
  else {
    context.resolving.add(id);
    const datatype = el.attrs.datatype ?? 'string';
    let values: Values;
    if (el.name === 'external_variable') {
      const given = context.externals.get(id);
      values = given ? { values: [...given] } : fail(`no value given for external variable ${id}`);
    } else if (el.name === 'constant_variable') {
      values = { values: el.children.filter((c) => c.name === 'value').map((c) => c.text) };
    } else if (el.name === 'local_variable') {
      const component = el.children.find((c) => c.name !== 'notes');
      values = component ? evaluateComponent(context, component) : fail(`variable ${id} has no component`);
    } else values = fail(`unknown variable kind ${el.name}`);
    context.resolving.delete(id);
    result = { ...values, datatype };
  }
  context.variables.set(id, result);
  return result;
}

function componentsOf(el: XmlNode): XmlNode[] {
  return el.children;
}

/** The cartesian combination of the children's values through `join`. */
function product(
  context: OvalContext,
  parts: XmlNode[],
  join: (values: string[]) => string | undefined,
): Values {
  let combos: string[][] = [[]];
  for (const part of parts) {
    const v = evaluateComponent(context, part);
    if (v.error !== undefined) return v;
    const next: string[][] = [];
    for (const combo of combos) for (const value of v.values) next.push([...combo, value]);
    combos = next;
  }
  const out: string[] = [];
  for (const combo of combos) {
    const joined = join(combo);
    if (joined === undefined) return fail('arithmetic on a value that is not a number');
    out.push(joined);
  }
  return { values: out };
}

function each(context: OvalContext, el: XmlNode, map: (value: string) => string[]): Values {
  const inner = el.children[0];
  if (!inner) return fail(`${el.name} has no component`);
  const v = evaluateComponent(context, inner);
  if (v.error !== undefined) return v;
  return { values: v.values.flatMap(map) };
}

function escapeRegex(value: string): string {
  return value.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&');
}

/** OVAL's glob_to_regex: a shell glob as an anchored Perl regex. */
function globToRegex(glob: string): string {
  let out = '^';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]!;
    if (ch === '*') out += '[^/]*';
    else if (ch === '?') out += '[^/]';
    else if (ch === '[') {
      const end = glob.indexOf(']', i + 2);
      if (end < 0) out += '\\[';
      else {
        let body = glob.slice(i + 1, end);
        if (body.startsWith('!')) body = '^' + body.slice(1);
        out += `[${body}]`;
        i = end;
      }
    } else if (ch === '\\' && i + 1 < glob.length) out += escapeRegex(glob[++i]!);
    else out += escapeRegex(ch);
  }
  return out + '$';
}

function number(text: string): number | undefined {
  const n = Number(text.trim());
  return text.trim() === '' || Number.isNaN(n) ? undefined : n;
}

/** Evaluates one component or function element of a local variable. */
export function evaluateComponent(context: OvalContext, el: XmlNode): Values {
  switch (el.name) {
    case 'literal_component':
      return { values: [el.text] };
    case 'variable_component': {
      const ref = el.attrs.var_ref;
      if (!ref) return fail('variable_component without var_ref');
      const v = resolveVariable(context, ref);
      if (v.error !== undefined)
        return { values: [], error: v.error, ...(v.unsupported ? { unsupported: true } : {}) };
      return { values: [...v.values] };
    }
    case 'object_component': {
      const ref = el.attrs.object_ref;
      const field = el.attrs.item_field;
      if (!ref || !field) return fail('object_component without object_ref or item_field');
      if (el.attrs.record_field) return fail('record fields are not supported');
      const collected = collectObject(context, ref);
      if (collected.flag === 'not collected')
        return {
          values: [],
          error: collected.message ?? `object ${ref} is not collected`,
          unsupported: true,
        };
      if (collected.flag === 'error')
        return fail(collected.message ?? `object ${ref} could not be collected`);
      return { values: collected.items.flatMap((item) => item[field] ?? []) };
    }
    case 'concat':
      return product(context, componentsOf(el), (v) => v.join(''));
    case 'arithmetic': {
      const op = el.attrs.arithmetic_operation;
      return product(context, componentsOf(el), (v) => {
        const nums = v.map(number);
        if (nums.some((n) => n === undefined)) return undefined;
        const total = (nums as number[]).reduce(
          (a, b) => (op === 'multiply' ? a * b : a + b),
          op === 'multiply' ? 1 : 0,
        );
        return String(total);
      });
    }
    case 'count': {
      let n = 0;
      for (const part of componentsOf(el)) {
        const v = evaluateComponent(context, part);
        if (v.error !== undefined) return v;
        n += v.values.length;
      }
      return { values: [String(n)] };
    }
    case 'unique': {
      const out = new Set<string>();
      for (const part of componentsOf(el)) {
        const v = evaluateComponent(context, part);
        if (v.error !== undefined) return v;
        for (const value of v.values) out.add(value);
      }
      return { values: [...out] };
    }
    case 'begin': {
      const c = el.attrs.character ?? '';
      return each(context, el, (v) => [v.startsWith(c) ? v : c + v]);
    }
    case 'end': {
      const c = el.attrs.character ?? '';
      return each(context, el, (v) => [v.endsWith(c) ? v : v + c]);
    }
    case 'escape_regex':
      return each(context, el, (v) => [escapeRegex(v)]);
    case 'split': {
      const d = el.attrs.delimiter ?? '';
      return each(context, el, (v) => (d === '' ? [v] : v.split(d)));
    }
    case 'substring': {
      const start = Math.max(1, Number(el.attrs.substring_start ?? '1'));
      const length = Number(el.attrs.substring_length ?? '-1');
      return each(context, el, (v) => [
        length < 0 ? v.slice(start - 1) : v.slice(start - 1, start - 1 + length),
      ]);
    }
    case 'regex_capture': {
      let regex: RegExp;
      try {
        regex = compilePcre(el.attrs.pattern ?? '');
      } catch {
        return fail(`regex_capture pattern does not compile: ${el.attrs.pattern ?? ''}`);
      }
      return each(context, el, (v) => {
        const m = regex.exec(v);
        return m && m[1] !== undefined ? [m[1]] : [];
      });
    }
    case 'glob_to_regex':
      return each(context, el, (v) => [globToRegex(v)]);
    default:
      return fail(`function ${el.name} is not supported`);
  }
}
