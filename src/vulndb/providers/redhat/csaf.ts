import type { AffectedPackage, Cvss, FeedItem, Severity, Vulnerability } from '../../model.js';
import { cvssFromVector } from '../../cvss/index.js';
import type { FeedFile, FeedParser } from '../types.js';
import { readProductTree, resolveComponent, type ProductTree, type RhelComponent } from './product-tree.js';
import { readJsonFeed } from '../feed-document.js';

const PROVIDER = 'redhat';
const CATEGORIES = new Set(['csaf_security_advisory', 'csaf_vex']);

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** Red Hat's impact rating: Critical, Important, Moderate, Low. */
function severityOfImpact(impact: unknown): Severity {
  switch (typeof impact === 'string' ? impact.trim().toLowerCase() : '') {
    case 'critical':
      return 'critical';
    case 'important':
      return 'high';
    case 'moderate':
      return 'medium';
    case 'low':
      return 'low';
    default:
      return 'unknown';
  }
}

/** What one CVE's product statuses say about one (RHEL major, source package). */
interface PackageState {
  major: string;
  name: string;
  /** Fixed EVR → whether a main-stream product has it. */
  fixed: Map<string, boolean>;
  /** Fixed EVR → its module stream, for modular rpms. */
  modules: Map<string, string>;
  affected: Set<'not-fixed' | 'wont-fix'>;
  notAffected: boolean;
  fixPublished?: string;
}

/**
 * Binary rpms are folded into their source rpm: a binary belongs to the one `src` product of
 * the same RHEL major and EVR in the document (some advisories mark only the binaries fixed).
 */
function sourceIndex(tree: ProductTree): Map<string, Set<string>> {
  const index = new Map<string, Set<string>>();
  for (const id of tree.relationships.keys()) {
    const component = resolveComponent(tree, id);
    if (component?.arch !== 'src' || !component.evr) continue;
    const key = `${component.major}\u0000${component.evr}`;
    index.set(key, (index.get(key) ?? new Set()).add(component.name));
  }
  return index;
}

function sourceName(component: RhelComponent, index: Map<string, Set<string>>): string | undefined {
  if (component.arch === undefined || component.arch === 'src') return component.name;
  const names = index.get(`${component.major}\u0000${component.evr ?? ''}`);
  return names?.size === 1 ? [...names][0] : undefined;
}

function remediationsByProduct(vuln: Json): Map<string, { category: string; date?: string }> {
  const byProduct = new Map<string, { category: string; date?: string }>();
  for (const remediation of Array.isArray(vuln.remediations) ? vuln.remediations : []) {
    if (!isObject(remediation) || typeof remediation.category !== 'string') continue;
    if (!['vendor_fix', 'none_available', 'no_fix_planned'].includes(remediation.category)) continue;
    const entry = {
      category: remediation.category,
      ...(typeof remediation.date === 'string' ? { date: remediation.date } : {}),
    };
    for (const id of strings(remediation.product_ids)) byProduct.set(id, entry);
  }
  return byProduct;
}

function cvssOf(vuln: Json): Cvss[] {
  const out: Cvss[] = [];
  for (const score of Array.isArray(vuln.scores) ? vuln.scores : []) {
    if (!isObject(score)) continue;
    for (const metric of [score.cvss_v3, score.cvss_v2]) {
      if (!isObject(metric) || typeof metric.vectorString !== 'string') continue;
      const cvss = cvssFromVector(metric.vectorString, 'redhat');
      if (cvss && !out.some((known) => known.vector === cvss.vector)) out.push(cvss);
    }
  }
  return out;
}

function noteText(vuln: Json, category: string): string | undefined {
  for (const note of Array.isArray(vuln.notes) ? vuln.notes : []) {
    if (isObject(note) && note.category === category && typeof note.text === 'string')
      return note.text.trim();
  }
  return undefined;
}

function impactOf(vuln: Json): Severity {
  for (const threat of Array.isArray(vuln.threats) ? vuln.threats : []) {
    if (isObject(threat) && threat.category === 'impact') return severityOfImpact(threat.details);
  }
  return 'unknown';
}

function toAffected(id: string, state: PackageState, severity: Severity): AffectedPackage {
  const base = {
    vulnerabilityId: id,
    namespace: `rhel:${state.major}`,
    package: state.name,
    scheme: 'rpm' as const,
  };
  const extra = { provider: PROVIDER, ...(severity === 'unknown' ? {} : { severity }) };
  if (state.fixed.size > 0) {
    // Extended-support streams have their own, lower EVRs; the main stream's fix is the one to compare with.
    const main = [...state.fixed].filter(([, isMain]) => isMain).map(([evr]) => evr);
    const evrs = main.length > 0 ? main : [...state.fixed.keys()];
    const affected: AffectedPackage = {
      ...base,
      ranges: evrs.map((fixed) => {
        const module = state.modules.get(fixed);
        return module ? { fixed, module } : { fixed };
      }),
      fixState: 'fixed',
      fixedVersions: evrs,
      ...extra,
    };
    if (state.fixPublished) affected.fixPublished = state.fixPublished;
    return affected;
  }
  if (state.affected.size > 0) {
    const fixState = state.affected.has('not-fixed') ? 'not-fixed' : 'wont-fix';
    return { ...base, ranges: [{}], fixState, fixedVersions: [], ...extra };
  }
  return { ...base, ranges: [], fixState: 'not-affected', fixedVersions: [], ...extra };
}

function* readVulnerability(
  vuln: Json,
  where: string,
  tree: ProductTree,
  index: Map<string, Set<string>>,
  doc: Json,
): Iterable<FeedItem> {
  const id = typeof vuln.cve === 'string' ? vuln.cve.trim() : '';
  if (id === '') {
    yield { kind: 'rejected', location: where, reason: 'vulnerability without a cve id' };
    return;
  }
  const status = isObject(vuln.product_status) ? vuln.product_status : {};
  const remediations = remediationsByProduct(vuln);
  const states = new Map<string, PackageState>();
  const lists: [string, unknown][] = [
    ['fixed', status.fixed],
    ['fixed', status.first_fixed],
    ['affected', status.known_affected],
    ['not-affected', status.known_not_affected],
  ];
  for (const [kind, list] of lists) {
    for (const productId of strings(list)) {
      const component = resolveComponent(tree, productId);
      const name = component ? sourceName(component, index) : undefined;
      if (!component || !name) continue; // another product, or a binary without its source here
      const key = `${component.major}\u0000${name}`;
      const state: PackageState = states.get(key) ?? {
        major: component.major,
        name,
        fixed: new Map(),
        modules: new Map(),
        affected: new Set(),
        notAffected: false,
      };
      states.set(key, state);
      const remediation = remediations.get(productId);
      if (kind === 'fixed') {
        if (!component.evr) continue;
        state.fixed.set(component.evr, (state.fixed.get(component.evr) ?? false) || component.mainStream);
        if (component.module) state.modules.set(component.evr, component.module);
        if (remediation?.date && !state.fixPublished) state.fixPublished = remediation.date;
      } else if (kind === 'affected') {
        state.affected.add(remediation?.category === 'no_fix_planned' ? 'wont-fix' : 'not-fixed');
      } else {
        state.notAffected = true;
      }
    }
  }
  const severity = impactOf(vuln);
  const tracking = isObject(doc.tracking) ? doc.tracking : {};
  const advisory =
    doc.category === 'csaf_security_advisory' && typeof tracking.id === 'string' ? tracking.id : undefined;
  const vulnerability: Vulnerability = {
    id,
    aliases: advisory ? [advisory] : [],
    severity,
    cvss: cvssOf(vuln),
    references: (Array.isArray(vuln.references) ? vuln.references : [])
      .map((ref) => (isObject(ref) && typeof ref.url === 'string' ? ref.url : ''))
      .filter((url) => url !== ''),
    provider: PROVIDER,
  };
  const summary = noteText(vuln, 'summary') ?? (typeof vuln.title === 'string' ? vuln.title : undefined);
  if (summary) vulnerability.summary = summary;
  const description = noteText(vuln, 'description');
  if (description) vulnerability.description = description;
  if (typeof vuln.release_date === 'string') vulnerability.published = vuln.release_date;
  if (typeof tracking.current_release_date === 'string')
    vulnerability.modified = tracking.current_release_date;
  const affected = [...states.values()].map((state) => toAffected(id, state, severity));
  yield { kind: 'vulnerability', vulnerability, affected };
}

function* parseCsaf(file: FeedFile): Iterable<FeedItem> {
  const read = readJsonFeed(file);
  if (!read.ok) {
    yield read.rejected;
    return;
  }
  const doc = read.doc;
  const document = isObject(doc) && isObject(doc.document) ? doc.document : undefined;
  if (!isObject(doc) || !document || !CATEGORIES.has(String(document.category))) {
    yield {
      kind: 'rejected',
      location: file.location,
      reason: 'not a CSAF security advisory or VEX document',
    };
    return;
  }
  if (!Array.isArray(doc.vulnerabilities)) {
    yield {
      kind: 'rejected',
      location: file.location,
      reason: 'CSAF document without a vulnerabilities list',
    };
    return;
  }
  const tree = readProductTree(doc.product_tree);
  const index = sourceIndex(tree);
  for (const [i, vuln] of doc.vulnerabilities.entries()) {
    const where = `${file.location}#vulnerabilities[${i}]`;
    if (!isObject(vuln))
      yield { kind: 'rejected', location: where, reason: 'vulnerability is not an object' };
    else yield* readVulnerability(vuln, where, tree, index, document);
  }
}

/** Red Hat CSAF 2.0 advisories (RHSA) and VEX documents. */
export const redhatCsafParser: FeedParser = {
  name: PROVIDER,
  detect(file: FeedFile): boolean {
    if (!/\.json$/i.test(file.name)) return false;
    const head = file.content.subarray(0, 16384).toString('utf8');
    return /"category"\s*:\s*"csaf_(?:security_advisory|vex)"/.test(head) && /redhat\.com|Red Hat/.test(head);
  },
  parse: parseCsaf,
};
