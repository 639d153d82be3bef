import { spdxExceptionId, spdxLicenseId } from './license-ids.js';

/** What a license string from a package is, for formats that distinguish. */
export type LicenseKind =
  { kind: 'id'; id: string } | { kind: 'expression'; expression: string } | { kind: 'name'; name: string };

const OPERATOR = /^(and|or|with)$/i;
const LICENSE_REF = /^(DocumentRef-[A-Za-z0-9.-]+:)?LicenseRef-[A-Za-z0-9.-]+$/;

/**
 * Classifies a license string: a known SPDX id (canonical spelling), a valid SPDX expression of
 * known ids joined by AND/OR/WITH (operators upper-cased), or else a free-form name.
 */
export function classifyLicense(text: string): LicenseKind | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const id = spdxLicenseId(trimmed);
  if (id) return { kind: 'id', id };
  const expression = normalizeExpression(trimmed);
  if (expression && /\s(AND|OR|WITH)\s/.test(expression)) return { kind: 'expression', expression };
  return { kind: 'name', name: trimmed };
}

function tokenize(text: string): string[] {
  return text
    .replace(/[()]/g, ' $& ')
    .split(/\s+/)
    .filter((t) => t !== '');
}

function licenseTerm(token: string): string | undefined {
  if (LICENSE_REF.test(token)) return token;
  const id = spdxLicenseId(token);
  if (id) return id;
  if (token.endsWith('+')) {
    const base = spdxLicenseId(token.slice(0, -1));
    return base ? `${base}+` : undefined;
  }
  return undefined;
}

/** The expression with canonical ids and operators, or undefined when it is not valid SPDX. */
export function normalizeExpression(text: string): string | undefined {
  const tokens = tokenize(text);
  const out: string[] = [];
  let depth = 0;
  let expectOperand = true;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (expectOperand) {
      if (token === '(') {
        depth++;
        out.push(token);
        continue;
      }
      const term = licenseTerm(token);
      if (!term) return undefined;
      out.push(term);
      expectOperand = false;
      continue;
    }
    if (token === ')') {
      if (--depth < 0) return undefined;
      out.push(token);
    } else if (/^with$/i.test(token)) {
      const exception = spdxExceptionId(tokens[++i] ?? '');
      if (!exception) return undefined;
      out.push('WITH', exception);
    } else if (OPERATOR.test(token)) {
      out.push(token.toUpperCase());
      expectOperand = true;
    } else return undefined;
  }
  if (expectOperand || depth !== 0) return undefined;
  return out.join(' ').replace(/\( /g, '(').replace(/ \)/g, ')');
}

/**
 * The SPDX `licenseDeclared` for a package's licenses (all of them apply: AND), naming
 * non-SPDX licenses through `licenseRef`; NOASSERTION when there are none.
 */
export function declaredExpression(
  licenses: readonly string[],
  licenseRef: (name: string) => string,
): string {
  const parts: string[] = [];
  for (const license of licenses) {
    const kind = classifyLicense(license);
    if (!kind) continue;
    if (kind.kind === 'id') parts.push(kind.id);
    else if (kind.kind === 'name') parts.push(licenseRef(kind.name));
    else parts.push(licenses.length > 1 ? `(${kind.expression})` : kind.expression);
  }
  const unique = [...new Set(parts)];
  return unique.length === 0 ? 'NOASSERTION' : unique.join(' AND ');
}
