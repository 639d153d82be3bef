import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { UsageError } from '../../errors/index.js';
import { childNamed, childrenNamed, parseXml, XmlSyntaxError, type XmlNode } from '../../xml/xml-reader.js';
import { NS } from '../namespaces.js';
import { indexOval, type OvalDocument } from '../oval/document.js';
import { readBenchmark, type Benchmark } from '../xccdf/benchmark.js';
import { readCpeContent, type CpeContent } from './cpe.js';

/** SCAP content ready to evaluate: one benchmark, the OVAL documents it (and its CPEs) refer to. */
export interface ScapContent {
  benchmark: Benchmark;
  /** OVAL documents by the href that XCCDF checks and CPE dictionary checks name. */
  oval: Map<string, OvalDocument>;
  cpe: CpeContent;
  /** The data stream evaluated (absent for a plain XCCDF file). */
  dataStreamId?: string;
  /** The checklist component evaluated (for ARF/XCCDF results). */
  benchmarkRef?: string;
}

const xlinkHref = (el: XmlNode): string => el.attrs[`{${NS.xlink}}href`] ?? '';

async function parseFile(path: string): Promise<XmlNode> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new UsageError(
      `cannot read SCAP content ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
    );
  }
  try {
    return parseXml(text);
  } catch (err) {
    if (err instanceof XmlSyntaxError) throw new UsageError(`${path} is not well-formed XML: ${err.message}`);
    throw err;
  }
}

/** The root element of a component (`#id`) of the collection. */
function componentRoot(components: Map<string, XmlNode>, ref: XmlNode | undefined): XmlNode | undefined {
  if (!ref) return undefined;
  const component = components.get(xlinkHref(ref).replace(/^#/, ''));
  return component?.children[0];
}

/** href name → component root, from a component-ref's catalog. */
function catalogOf(
  ref: XmlNode,
  refs: Map<string, XmlNode>,
  components: Map<string, XmlNode>,
): Map<string, XmlNode> {
  const out = new Map<string, XmlNode>();
  const catalog = ref.children.find((c) => c.name === 'catalog');
  for (const uri of catalog?.children ?? []) {
    if (uri.name !== 'uri' || !uri.attrs.name) continue;
    const root = componentRoot(components, refs.get((uri.attrs.uri ?? '').replace(/^#/, '')));
    if (root) out.set(uri.attrs.name, root);
  }
  return out;
}

function fromDataStream(root: XmlNode, path: string, options: LoadOptions): ScapContent {
  const components = new Map<string, XmlNode>();
  for (const c of root.children) if (c.name === 'component' && c.attrs.id) components.set(c.attrs.id, c);
  const streams = childrenNamed(root, 'data-stream', NS.ds);
  const stream = options.dataStreamId ? streams.find((s) => s.attrs.id === options.dataStreamId) : streams[0];
  if (!stream)
    throw new UsageError(
      options.dataStreamId
        ? `${path} has no data stream ${options.dataStreamId}`
        : `${path} holds no data stream`,
    );
  const refs = new Map<string, XmlNode>();
  for (const section of stream.children)
    for (const ref of section.children)
      if (ref.name === 'component-ref' && ref.attrs.id) refs.set(ref.attrs.id, ref);
  const checklists =
    childNamed(stream, 'checklists', NS.ds)?.children.filter((c) => c.name === 'component-ref') ?? [];
  const checklist = options.benchmarkId
    ? checklists.find((c) => {
        const b = componentRoot(components, c);
        return c.attrs.id === options.benchmarkId || b?.attrs.id === options.benchmarkId;
      })
    : checklists.find((c) => componentRoot(components, c)?.name === 'Benchmark');
  const benchmarkEl = componentRoot(components, checklist);
  if (!checklist || !benchmarkEl || benchmarkEl.name !== 'Benchmark')
    throw new UsageError(`${path}: data stream ${stream.attrs.id ?? ''} has no XCCDF benchmark`);
  const oval = new Map<string, OvalDocument>();
  const addCatalog = (ref: XmlNode): void => {
    for (const [name, doc] of catalogOf(ref, refs, components))
      if (doc.name === 'oval_definitions' && !oval.has(name)) oval.set(name, indexOval(doc));
  };
  addCatalog(checklist);
  const dictionaries =
    childNamed(stream, 'dictionaries', NS.ds)?.children.filter((c) => c.name === 'component-ref') ?? [];
  for (const d of dictionaries) addCatalog(d);
  const dictionaryRoots = dictionaries
    .map((d) => componentRoot(components, d))
    .filter((d): d is XmlNode => !!d);
  return {
    benchmark: readBenchmark(benchmarkEl),
    oval,
    cpe: readCpeContent(benchmarkEl, dictionaryRoots),
    ...(stream.attrs.id ? { dataStreamId: stream.attrs.id } : {}),
    ...(checklist.attrs.id ? { benchmarkRef: checklist.attrs.id } : {}),
  };
}

async function fromBenchmarkFile(root: XmlNode, path: string, options: LoadOptions): Promise<ScapContent> {
  const benchmark = readBenchmark(root);
  const oval = new Map<string, OvalDocument>();
  const hrefs = new Set<string>();
  for (const rule of benchmark.rules)
    for (const check of rule.checks) for (const r of check.refs) hrefs.add(r.href);
  const dictionaries: XmlNode[] = [];
  if (options.cpeDictionary) dictionaries.push(await parseFile(options.cpeDictionary));
  const cpe = readCpeContent(root, dictionaries);
  for (const checks of cpe.dictionary.values()) for (const c of checks) hrefs.add(c.href);
  for (const href of hrefs) {
    if (href === '' || /^[a-z]+:/i.test(href)) continue;
    const file = resolve(dirname(path), href);
    let doc: XmlNode;
    try {
      doc = await parseFile(file);
    } catch {
      continue; // A check file that is not there leaves its rules notchecked.
    }
    if (doc.name === 'oval_definitions') oval.set(href, indexOval(doc));
  }
  return { benchmark, oval, cpe };
}

export interface LoadOptions {
  /** The data stream of a collection to use (default: the first). */
  dataStreamId?: string;
  /** The checklist (component-ref id or Benchmark id) to use (default: the first benchmark). */
  benchmarkId?: string;
  /** A CPE dictionary for a plain XCCDF file. */
  cpeDictionary?: string;
}

/**
 * Reads SCAP content from a host file: a source data stream collection (SCAP 1.2/1.3), or a plain
 * XCCDF 1.2 benchmark whose OVAL files sit beside it. Bad content is a UsageError.
 */
export async function loadScapContent(path: string, options: LoadOptions = {}): Promise<ScapContent> {
  const root = await parseFile(path);
  if (root.name === 'data-stream-collection') return fromDataStream(root, path, options);
  if (root.name === 'Benchmark') return fromBenchmarkFile(root, path, options);
  throw new UsageError(
    `${path} is neither an SCAP source data stream nor an XCCDF benchmark (root <${root.name}>)`,
  );
}
