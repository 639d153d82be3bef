import { SourceFormatError } from '../../errors/index.js';

/** An element of a parsed XML document: local name (prefix dropped), attributes, children, text. */
export interface XmlNode {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
  /** The concatenated character data directly inside this element. */
  text: string;
}

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const NAME = /[A-Za-z_:][-A-Za-z0-9_:.]*/y;
const MAX_DEPTH = 512;

function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}

/**
 * A small strict XML reader for SBOM documents: elements, attributes, character data, CDATA,
 * comments and processing instructions, the five predefined entities and character references.
 * DTDs are refused (no entity expansion). Malformed input throws a SourceFormatError.
 */
export function parseXml(text: string, what = 'XML'): XmlNode {
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const fail = (message: string): never => {
    const line = text.slice(0, pos).split('\n').length;
    throw new SourceFormatError(`${what}: not well-formed XML at line ${line}: ${message}`);
  };
  const decode = (raw: string): string =>
    raw.replace(/&([^;&\s]*);?/g, (whole, ref: string) => {
      if (!whole.endsWith(';')) fail(`bad entity reference "${whole}"`);
      if (ref in PREDEFINED) return PREDEFINED[ref]!;
      const code = /^#x[0-9a-fA-F]+$/.test(ref)
        ? parseInt(ref.slice(2), 16)
        : /^#[0-9]+$/.test(ref)
          ? parseInt(ref.slice(1), 10)
          : fail(`unknown entity "&${ref};"`);
      if (code > 0x10ffff || code === 0) fail(`bad character reference "&${ref};"`);
      return String.fromCodePoint(code);
    });
  const readName = (): string => {
    NAME.lastIndex = pos;
    const match = NAME.exec(text);
    if (!match) return fail('expected a name');
    pos += match[0].length;
    return match[0];
  };
  const skipSpace = (): void => {
    while (pos < text.length && /\s/.test(text[pos]!)) pos++;
  };
  const skipPast = (end: string, label: string): string => {
    const at = text.indexOf(end, pos);
    if (at < 0) fail(`unterminated ${label}`);
    const body = text.slice(pos, at);
    pos = at + end.length;
    return body;
  };

  const stack: XmlNode[] = [];
  let root: XmlNode | undefined;
  while (pos < text.length) {
    const lt = text.indexOf('<', pos);
    const chunk = text.slice(pos, lt < 0 ? text.length : lt);
    if (chunk !== '') {
      const parent = stack[stack.length - 1];
      if (parent) parent.text += decode(chunk);
      else if (chunk.trim() !== '') fail('text outside the root element');
    }
    if (lt < 0) break;
    pos = lt;
    if (text.startsWith('<!--', pos)) {
      pos += 4;
      skipPast('-->', 'comment');
    } else if (text.startsWith('<![CDATA[', pos)) {
      pos += 9;
      const data = skipPast(']]>', 'CDATA section');
      const parent = stack[stack.length - 1];
      if (!parent) fail('CDATA outside the root element');
      else parent.text += data;
    } else if (text.startsWith('<!', pos)) {
      fail('DTDs and declarations are not accepted');
    } else if (text.startsWith('<?', pos)) {
      pos += 2;
      skipPast('?>', 'processing instruction');
    } else if (text.startsWith('</', pos)) {
      pos += 2;
      const name = readName();
      skipSpace();
      if (text[pos] !== '>') fail(`expected ">" after </${name}`);
      pos++;
      const open = stack.pop();
      if (!open || open.name !== localName(name)) fail(`unexpected </${name}>`);
    } else {
      pos++;
      const node: XmlNode = { name: localName(readName()), attributes: {}, children: [], text: '' };
      for (;;) {
        skipSpace();
        if (text.startsWith('/>', pos) || text[pos] === '>') break;
        if (pos >= text.length) fail('unterminated start tag');
        const attribute = readName();
        skipSpace();
        if (text[pos] !== '=') fail(`expected "=" after attribute ${attribute}`);
        pos++;
        skipSpace();
        const quote = text[pos];
        if (quote !== '"' && quote !== "'") return fail(`attribute ${attribute} is not quoted`);
        pos++;
        const raw = skipPast(quote, 'attribute value');
        if (raw.includes('<')) fail(`"<" in attribute ${attribute}`);
        if (attribute in node.attributes) fail(`duplicate attribute ${attribute}`);
        node.attributes[attribute] = decode(raw);
      }
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(node);
      else if (root) fail('more than one root element');
      else root = node;
      if (text.startsWith('/>', pos)) pos += 2;
      else {
        pos++;
        stack.push(node);
        if (stack.length > MAX_DEPTH) fail('elements nested too deeply');
      }
    }
  }
  if (stack.length > 0) fail(`<${stack[stack.length - 1]!.name}> is not closed`);
  if (!root) return fail('no root element');
  return root;
}

/** The first child element called `name`. */
export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return node?.children.find((c) => c.name === name);
}

/** Every child element called `name`. */
export function children(node: XmlNode | undefined, name: string): XmlNode[] {
  return node?.children.filter((c) => c.name === name) ?? [];
}
