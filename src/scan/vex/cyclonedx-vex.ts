import type { VexStatement, VexStatus } from './vex-statement.js';

/** CycloneDX analysis states → VEX statuses. */
const STATES: Readonly<Record<string, VexStatus>> = {
  not_affected: 'not_affected',
  false_positive: 'not_affected',
  resolved: 'fixed',
  resolved_with_pedigree: 'fixed',
  exploitable: 'affected',
  in_triage: 'under_investigation',
};

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isCycloneDxVex(doc: unknown): boolean {
  return isObject(doc) && doc['bomFormat'] === 'CycloneDX' && Array.isArray(doc['vulnerabilities']);
}

/** `affects[].ref` is a purl or a bom-ref: resolved to the component's purl where it has one. */
function purlsByRef(doc: Json): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (components: unknown): void => {
    if (!Array.isArray(components)) return;
    for (const c of components) {
      if (!isObject(c)) continue;
      if (typeof c['bom-ref'] === 'string' && typeof c['purl'] === 'string') out.set(c['bom-ref'], c['purl']);
      walk(c['components']);
    }
  };
  walk(doc['components']);
  const metadata = doc['metadata'];
  if (isObject(metadata)) walk([metadata['component']]);
  return out;
}

/** The vulnerabilities of a CycloneDX VEX document that carry an analysis. */
export function cycloneDxStatements(doc: Json, file: string): VexStatement[] {
  const refs = purlsByRef(doc);
  const out: VexStatement[] = [];
  (doc['vulnerabilities'] as unknown[]).forEach((raw, i) => {
    const label = `${file}#${i + 1}`;
    // The shape (an id, a known state) is checked first, by src/schema/vex.ts.
    if (!isObject(raw)) return;
    const analysis = raw['analysis'];
    if (!isObject(analysis) || typeof analysis['state'] !== 'string') return;
    const status = STATES[analysis['state']];
    if (!status) return;
    const affects = Array.isArray(raw['affects']) ? raw['affects'] : [];
    const products = affects
      .map((a) => (isObject(a) && typeof a['ref'] === 'string' ? a['ref'] : undefined))
      .filter((r): r is string => r !== undefined)
      .map((ref) => refs.get(ref) ?? ref.replace(/^urn:cdx:[^#]*#/, ''));
    const ids = [
      raw['id'],
      ...(Array.isArray(raw['references']) ? raw['references'] : []).map((r: unknown) =>
        isObject(r) ? r['id'] : undefined,
      ),
    ].filter((v): v is string => typeof v === 'string');
    const statement: VexStatement = { ids, products, subcomponents: [], status, label };
    const justification = analysis['justification'] ?? analysis['detail'];
    if (typeof justification === 'string') statement.justification = justification;
    out.push(statement);
  });
  return out;
}
