import { SaxesParser } from 'saxes';

/**
 * An element of a parsed XML document: its namespace URI and local name, attributes keyed by
 * local name (no namespace) or `{uri}local` (namespaced, such as xsi:nil), its child elements
 * and its text (the character data directly inside it, joined).
 */
export interface XmlNode {
  ns: string;
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
}

/** An XML document that is not well-formed (or not namespace-well-formed). */
export class XmlSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XmlSyntaxError';
  }
}

const CHUNK = 1 << 20;

/**
 * Parses `text` into an element tree with namespaces resolved (saxes, a conformant streaming
 * parser). Comments, processing instructions and the doctype are dropped. Throws XmlSyntaxError
 * (with line and column) on malformed input.
 */
export function parseXml(text: string): XmlNode {
  const parser = new SaxesParser<{ xmlns: true }>({ xmlns: true });
  const stack: XmlNode[] = [];
  let root: XmlNode | undefined;
  let failure: Error | undefined;
  parser.on('error', (err) => {
    failure ??= err;
  });
  parser.on('opentag', (tag) => {
    const attrs: Record<string, string> = {};
    for (const attr of Object.values(tag.attributes)) {
      if (attr.prefix === 'xmlns' || attr.name === 'xmlns') continue;
      attrs[attr.uri ? `{${attr.uri}}${attr.local}` : attr.local] = attr.value;
    }
    const node: XmlNode = { ns: tag.uri, name: tag.local, attrs, children: [], text: '' };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(node);
    else root ??= node;
    stack.push(node);
  });
  const onText = (chunk: string): void => {
    const top = stack[stack.length - 1];
    if (top) top.text += chunk;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', () => {
    stack.pop();
  });
  for (let i = 0; i < text.length && !failure; i += CHUNK) parser.write(text.slice(i, i + CHUNK));
  if (!failure) parser.close();
  if (failure) throw new XmlSyntaxError(failure.message);
  if (!root) throw new XmlSyntaxError('no root element');
  return root;
}

/** The child elements of `node` named `name` (in namespace `ns` when given). */
export function childrenNamed(node: XmlNode, name: string, ns?: string): XmlNode[] {
  return node.children.filter((c) => c.name === name && (ns === undefined || c.ns === ns));
}

/** The first child element of `node` named `name` (in namespace `ns` when given). */
export function childNamed(node: XmlNode, name: string, ns?: string): XmlNode | undefined {
  return node.children.find((c) => c.name === name && (ns === undefined || c.ns === ns));
}

/** Every element below `node` (itself included), depth first, that satisfies `pred`. */
export function descendants(node: XmlNode, pred: (n: XmlNode) => boolean): XmlNode[] {
  const out: XmlNode[] = [];
  const walk = (n: XmlNode): void => {
    if (pred(n)) out.push(n);
    for (const c of n.children) walk(c);
  };
  walk(node);
  return out;
}

export const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';

/** Whether the element says xsi:nil="true". */
export function isNil(node: XmlNode): boolean {
  const nil = node.attrs[`{${XSI_NS}}nil`];
  return nil === 'true' || nil === '1';
}
