import { UsageError } from '../../errors/index.js';
import type { VexStatement, VexStatus } from './vex-statement.js';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function ids(component: unknown): string[] {
  if (typeof component === 'string') return [component];
  if (!isObject(component)) return [];
  const out: string[] = [];
  if (typeof component['@id'] === 'string') out.push(component['@id']);
  const identifiers = component['identifiers'];
  if (isObject(identifiers)) {
    for (const value of Object.values(identifiers)) if (typeof value === 'string') out.push(value);
  }
  return out;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** True for an OpenVEX document (`@context` https://openvex.dev/ns/…). */
export function isOpenVex(doc: unknown): boolean {
  return isObject(doc) && typeof doc['@context'] === 'string' && doc['@context'].includes('openvex.dev/ns');
}

/** The statements of an OpenVEX (0.2.0) document, in document order. */
export function openVexStatements(doc: Json, file: string): VexStatement[] {
  return list(doc['statements']).map((raw, i) => {
    const label = `${file}#${i + 1}`;
    // The shape (an object, a known status) is checked first, by src/schema/vex.ts.
    const statementDoc = raw as Json;
    const status = statementDoc['status'] as VexStatus;
    const vuln = statementDoc['vulnerability'];
    const vulnIds = isObject(vuln)
      ? [vuln['name'], vuln['@id'], ...list(vuln['aliases'])].filter(
          (v): v is string => typeof v === 'string',
        )
      : typeof vuln === 'string'
        ? [vuln]
        : [];
    if (!vulnIds.length) throw new UsageError(`--vex ${label}: the statement names no vulnerability`);
    const products = list(statementDoc['products']);
    const statement: VexStatement = {
      ids: vulnIds,
      products: products.flatMap(ids),
      subcomponents: products.flatMap((p) => (isObject(p) ? list(p['subcomponents']).flatMap(ids) : [])),
      status,
      label,
    };
    const justification = statementDoc['justification'] ?? statementDoc['impact_statement'];
    if (typeof justification === 'string') statement.justification = justification;
    return statement;
  });
}
