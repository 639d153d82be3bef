import type { ParamSpec, ParamValue } from '../gates/types.js';
import { compileRegex } from './compile-regex.js';

export type Conversion = { ok: true; value: ParamValue } | { ok: false; message: string };

const INT = /^[+-]?\d+$/;
const FLOAT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const OCTAL = /^[0-7]{1,6}$/;
const SIZE = /^(\d+)\s*(kb|mb|gb|tb)?$/i;
const SIZE_EXPONENT: Record<string, number> = { kb: 1, mb: 2, gb: 3, tb: 4 };

/** Converts one raw string to the parameter's type, or says in one phrase what is wrong. */
export function convertValue(spec: ParamSpec, raw: string): Conversion {
  switch (spec.type) {
    case 'str':
      return { ok: true, value: raw };
    case 'enum':
      return spec.values?.includes(raw)
        ? { ok: true, value: raw }
        : fail(`must be one of ${(spec.values ?? []).join(', ')} (exact case)`);
    case 'bool': {
      const lower = raw.trim().toLowerCase();
      return lower === 'true' || lower === 'false'
        ? { ok: true, value: lower === 'true' }
        : fail('must be true or false');
    }
    case 'int':
      return toInt(raw.trim());
    case 'float': {
      const text = raw.trim();
      return FLOAT.test(text) ? { ok: true, value: Number(text) } : fail('must be a number');
    }
    case 'csv':
      return csvItems(raw, spec);
    case 'csv-int':
      return csvInts(raw, spec);
    case 'regex': {
      const compiled = compileRegex(raw);
      return compiled.ok ? { ok: true, value: compiled.regex } : fail(compiled.message);
    }
    case 'octal': {
      const text = raw.trim();
      return OCTAL.test(text)
        ? { ok: true, value: parseInt(text, 8) }
        : fail('must be an octal file mode such as 4755');
    }
    case 'size':
      return toSize(raw.trim());
  }
}

function fail(message: string): Conversion {
  return { ok: false, message };
}

function toInt(text: string): Conversion {
  const value = Number(text);
  return INT.test(text) && Number.isSafeInteger(value) ? { ok: true, value } : fail('must be an integer');
}

/** Anchore lists are comma-separated and also accept `|`; blanks around items are dropped. */
function splitList(raw: string): string[] {
  return raw
    .split(/[,|]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

function csvItems(raw: string, spec: ParamSpec): Conversion {
  const items = splitList(raw);
  if (items.length === 0 && spec.required) return fail('must list at least one item (comma-separated)');
  const unknown = spec.values ? items.filter((item) => !spec.values!.includes(item)) : [];
  if (unknown.length > 0)
    return fail(`may list only ${spec.values!.join(', ')} (not ${unknown.map((i) => `"${i}"`).join(', ')})`);
  return { ok: true, value: items };
}

function csvInts(raw: string, spec: ParamSpec): Conversion {
  const items = splitList(raw);
  if (items.length === 0 && spec.required) return fail('must list at least one integer (comma-separated)');
  const bad = items.find((item) => !INT.test(item) || !Number.isSafeInteger(Number(item)));
  if (bad !== undefined) return fail(`must be comma-separated integers ("${bad}" is not one)`);
  return { ok: true, value: items.map(Number) };
}

/** `N[kb|mb|gb|tb]`, 1024-based, to bytes; a bare N is bytes. */
function toSize(text: string): Conversion {
  const match = SIZE.exec(text);
  if (!match) return fail('must be a size such as 512, 300kb, 2gb or 1tb (1024-based)');
  const exponent = SIZE_EXPONENT[(match[2] ?? '').toLowerCase()] ?? 0;
  const bytes = Number(match[1]) * 1024 ** exponent;
  return Number.isSafeInteger(bytes) ? { ok: true, value: bytes } : fail('is too large');
}
