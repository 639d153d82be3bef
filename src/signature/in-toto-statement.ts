import type { AttestationSummary } from './types.js';

const MAX_MATERIALS = 20;

export interface InTotoStatement {
  predicateType: string;
  /** The `sha256` digests of the statement's subjects, as `sha256:<hex>`. */
  subjectDigests: string[];
  predicate: Record<string, unknown>;
}

type Json = Record<string, unknown>;

const object = (value: unknown): Json | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** Reads an in-toto statement (v0.1 or v1); a string saying what is wrong when it is not one. */
export function parseStatement(payload: Buffer): InTotoStatement | string {
  let json: unknown;
  try {
    json = JSON.parse(payload.toString('utf8'));
  } catch {
    return 'the statement is not JSON';
  }
  const doc = object(json);
  const predicateType = text(doc?.['predicateType']);
  if (!doc || !predicateType) return 'the statement has no predicateType';
  const subjectDigests: string[] = [];
  for (const subject of list(doc['subject'])) {
    const digest = object(object(subject)?.['digest']);
    for (const [algorithm, hex] of Object.entries(digest ?? {})) {
      if (typeof hex === 'string') subjectDigests.push(`${algorithm.toLowerCase()}:${hex.toLowerCase()}`);
    }
  }
  return { predicateType, subjectDigests, predicate: object(doc['predicate']) ?? {} };
}

function uris(entries: unknown[]): Pick<AttestationSummary, 'materials' | 'materialCount'> {
  const all = entries.map((e) => text(object(e)?.['uri'])).filter((u): u is string => u !== undefined);
  return { materials: all.slice(0, MAX_MATERIALS), materialCount: entries.length };
}

/** Older cosign wraps an SBOM predicate as `{"Data": "<the document as text>"}`. */
function unwrapped(predicate: Json): Json {
  const data = predicate['Data'];
  if (typeof data === 'string') {
    try {
      return object(JSON.parse(data)) ?? predicate;
    } catch {
      return predicate;
    }
  }
  return object(data) ?? predicate;
}

/** What the statement says in brief: SLSA provenance v0.2 and v1, SPDX and CycloneDX SBOMs. */
export function summariseStatement(statement: InTotoStatement): AttestationSummary {
  const type = statement.predicateType.toLowerCase();
  const p = statement.predicate;
  if (type.startsWith('https://slsa.dev/provenance/v0.')) {
    const builderId = text(object(p['builder'])?.['id']);
    const buildType = text(p['buildType']);
    return {
      kind: 'slsa-provenance',
      ...(builderId ? { builderId } : {}),
      ...(buildType ? { buildType } : {}),
      ...uris(list(p['materials'])),
    };
  }
  if (type.startsWith('https://slsa.dev/provenance/v1')) {
    const definition = object(p['buildDefinition']);
    const builderId = text(object(object(p['runDetails'])?.['builder'])?.['id']);
    const buildType = text(definition?.['buildType']);
    return {
      kind: 'slsa-provenance',
      ...(builderId ? { builderId } : {}),
      ...(buildType ? { buildType } : {}),
      ...uris(list(definition?.['resolvedDependencies'])),
    };
  }
  if (type.startsWith('https://spdx.dev/document')) {
    const doc = unwrapped(p);
    const documentName = text(doc['name']);
    return {
      kind: 'spdx',
      ...(documentName ? { documentName } : {}),
      packageCount: list(doc['packages']).length,
    };
  }
  if (type.startsWith('https://cyclonedx.org/bom')) {
    const doc = unwrapped(p);
    const documentName = text(object(object(doc['metadata'])?.['component'])?.['name']);
    return {
      kind: 'cyclonedx',
      ...(documentName ? { documentName } : {}),
      packageCount: list(doc['components']).length,
    };
  }
  return { kind: 'other' };
}
