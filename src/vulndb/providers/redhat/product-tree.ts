/**
 * Reading a Red Hat CSAF product tree: which RHEL major version a product id belongs to, and
 * which source rpm (name and EVR) it stands for. Product ids join a platform and a component,
 * `AppStream-9.2.0.Z.MAIN:nodejs-1:16.20.2-1.module+el9.2.0+…src`, declared by the tree's
 * `relationships`; the component's purl (`pkg:rpm/redhat/nodejs@16.20.2-1…?arch=src&epoch=1`)
 * says the rest. VEX documents name components without versions (`…:nodejs`).
 */
type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export interface RhelComponent {
  /** RHEL major version: 9 for `rhel:9`. */
  major: string;
  /** Source rpm name (or the VEX component name). */
  name: string;
  /** `[epoch:]version-release`, absent for a VEX component without a version. */
  evr?: string;
  /** `src`, a binary architecture, or absent (VEX component). */
  arch?: string;
  /** False for extended-support streams (EUS, AUS, TUS, E4S), which carry their own fixes. */
  mainStream: boolean;
  /** The module stream (`ruby:2.7`) of a modular rpm, from the purl's `rpmmod` or the id suffix. */
  module?: string;
}

interface Product {
  cpe?: string;
  purl?: string;
}

export interface ProductTree {
  products: Map<string, Product>;
  /** Combined product id → [platform id, component id]. */
  relationships: Map<string, [string, string]>;
}

function collect(node: Json, products: Map<string, Product>): void {
  const addProduct = (product: unknown): void => {
    if (!isObject(product) || typeof product.product_id !== 'string') return;
    const helper = isObject(product.product_identification_helper)
      ? product.product_identification_helper
      : {};
    const entry: Product = {};
    if (typeof helper.cpe === 'string') entry.cpe = helper.cpe;
    if (typeof helper.purl === 'string') entry.purl = helper.purl;
    products.set(product.product_id, entry);
  };
  addProduct(node.product);
  if (Array.isArray(node.full_product_names)) node.full_product_names.forEach(addProduct);
  if (Array.isArray(node.branches))
    for (const branch of node.branches) if (isObject(branch)) collect(branch, products);
}

export function readProductTree(tree: unknown): ProductTree {
  const products = new Map<string, Product>();
  const relationships = new Map<string, [string, string]>();
  if (!isObject(tree)) return { products, relationships };
  collect(tree, products);
  for (const rel of Array.isArray(tree.relationships) ? tree.relationships : []) {
    if (!isObject(rel) || !isObject(rel.full_product_name)) continue;
    const id = rel.full_product_name.product_id;
    const { relates_to_product_reference: platform, product_reference: component } = rel;
    if (typeof id === 'string' && typeof platform === 'string' && typeof component === 'string') {
      relationships.set(id, [platform, component]);
    }
  }
  return { products, relationships };
}

const RHEL_CPE = /^cpe:\/[aoh]:redhat:(?:enterprise_linux|rhel_[a-z0-9_]+):(\d+)/;
const EXTENDED_CPE = /^cpe:\/[aoh]:redhat:rhel_(?:eus|aus|tus|e4s)\b/;
const EXTENDED_ID = /\.(?:EUS|AUS|TUS|E4S)\b/;

function platformMajor(id: string, cpe: string | undefined): string | undefined {
  const fromCpe = cpe ? RHEL_CPE.exec(cpe)?.[1] : undefined;
  if (fromCpe) return fromCpe;
  if (cpe) return undefined; // another Red Hat product (OpenShift, JBoss…): not a RHEL namespace
  return (
    /^(?:AppStream|BaseOS|CRB|HighAvailability|NFV|RT|ResilientStorage|SAP|SAPHANA|SupplementaryEUS|Supplementary)-(\d+)\./.exec(
      id,
    )?.[1] ??
    /^(\d+)(?:Server|Client|Workstation|ComputeNode)\b/.exec(id)?.[1] ??
    /^red_hat_enterprise_linux_(\d+)\b/.exec(id)?.[1]
  );
}

interface Rpm {
  name: string;
  evr?: string;
  arch?: string;
  module?: string;
}

/** `ruby:2.7` of `ruby:2.7:8080020230427102918:63b34585`. */
function streamOf(rpmmod: string | null | undefined): string | undefined {
  const [name, stream] = (rpmmod ?? '').split(':');
  return name && stream ? `${name}:${stream}` : undefined;
}

function evrOf(version: string, epoch: string | undefined): string {
  return epoch && epoch !== '0' ? `${epoch}:${version}` : version;
}

/** Percent-decoding that gives undefined for a malformed escape (`%zz`) instead of a URIError. */
function decoded(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

function rpmFromPurl(purl: string): Rpm | undefined {
  const match = /^pkg:rpm\/[^/]+\/([^@?#]+)(?:@([^?#]+))?(?:\?([^#]*))?/.exec(purl);
  if (!match) return undefined;
  const qualifiers = new URLSearchParams(match[3] ?? '');
  const name = decoded(match[1] ?? '');
  const version = match[2] !== undefined ? decoded(match[2]) : undefined;
  // A purl that does not decode names no package (found by fuzzing: a URIError escaped).
  if (name === undefined || (match[2] !== undefined && version === undefined)) return undefined;
  const rpm: Rpm = { name };
  if (version !== undefined) rpm.evr = evrOf(version, qualifiers.get('epoch') ?? undefined);
  const arch = qualifiers.get('arch');
  if (arch) rpm.arch = arch;
  const module = streamOf(qualifiers.get('rpmmod'));
  if (module) rpm.module = module;
  return rpm;
}

/** `nodejs-1:16.20.2-1.module+el9.2.0+1+abc.src` (module suffixes `.rpm-ruby:2.7`, `::ruby:3.1` dropped). */
function rpmFromText(id: string): Rpm | undefined {
  const suffix = /(?:::|\.rpm-)([^:]+:[^:]+)$/.exec(id);
  const text = id.replace(/::[^:]+:[^:]+$/, '').replace(/\.rpm-[^:]+:[^:]+$/, '');
  const nevra = /^(.+)-(?:(\d+):)?([^-:]+)-([^-:]+)\.([a-z0-9_]+)$/.exec(text);
  if (nevra) {
    const [, name = '', epoch, version = '', release = '', arch = ''] = nevra;
    const rpm: Rpm = { name, evr: evrOf(`${version}-${release}`, epoch), arch };
    if (suffix?.[1]) rpm.module = suffix[1];
    return rpm;
  }
  return /^[A-Za-z0-9][A-Za-z0-9._+-]*$/.test(text) ? { name: text } : undefined;
}

function splitProductId(tree: ProductTree, id: string): [string, string] | undefined {
  const related = tree.relationships.get(id);
  if (related) return related;
  const cut = id.indexOf(':');
  return cut > 0 ? [id.slice(0, cut), id.slice(cut + 1)] : undefined;
}

/** The RHEL rpm or component a product id stands for; undefined for non-RHEL products. */
export function resolveComponent(tree: ProductTree, id: string): RhelComponent | undefined {
  const parts = splitProductId(tree, id);
  if (!parts) return undefined;
  const [platform, componentId] = parts;
  const cpe = tree.products.get(platform)?.cpe;
  const major = platformMajor(platform, cpe);
  if (!major) return undefined;
  const purl = tree.products.get(componentId)?.purl;
  const rpm = (purl ? rpmFromPurl(purl) : undefined) ?? rpmFromText(componentId);
  if (!rpm || rpm.name === '') return undefined;
  const mainStream = !((cpe !== undefined && EXTENDED_CPE.test(cpe)) || EXTENDED_ID.test(platform));
  const component: RhelComponent = { major, name: rpm.name, mainStream };
  if (rpm.evr) component.evr = rpm.evr;
  if (rpm.arch) component.arch = rpm.arch;
  const module = rpm.module ?? rpmFromText(componentId)?.module;
  if (module) component.module = module;
  return component;
}
