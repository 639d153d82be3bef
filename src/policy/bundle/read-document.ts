import { parse as parseYaml } from 'yaml';
import { PolicyError } from '../../errors/index.js';

/**
 * A bundle file's text as a document: JSON when it parses as JSON, else YAML. YAML is read
 * with the failsafe schema, so every scalar stays the string that was written (`1.10` stays
 * `1.10`, `0755` stays `0755`), as Anchore's all-string parameters expect. Text that is
 * neither, or that holds no object, is a one-line PolicyError naming `source`.
 */
export function readBundleDocument(text: string, source: string): unknown {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') throw new PolicyError(`${source} is empty: expected a JSON or YAML policy bundle`);
  let jsonError: string | undefined;
  try {
    return requireObject(JSON.parse(trimmed), source);
  } catch (err) {
    if (err instanceof PolicyError) throw err;
    jsonError = err instanceof Error ? err.message : String(err);
  }
  let doc: unknown;
  try {
    doc = parseYaml(trimmed, { schema: 'failsafe', prettyErrors: false, logLevel: 'error' });
  } catch (err) {
    const looksLikeJson = trimmed.startsWith('{') || trimmed.startsWith('[');
    const reason = looksLikeJson ? jsonError : err instanceof Error ? err.message : String(err);
    throw new PolicyError(`${source} is neither JSON nor YAML: ${firstLine(reason)}`);
  }
  return requireObject(doc, source);
}

function requireObject(doc: unknown, source: string): unknown {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw new PolicyError(`${source} is not a policy bundle: expected a JSON or YAML object at the top`);
  }
  return doc;
}

function firstLine(text: string | undefined): string {
  return (text ?? 'unreadable').split('\n')[0]?.trim() ?? 'unreadable';
}
