/** A tiny XML element tree and its serialisation, with escaping of text and attributes. */
export interface XmlElement {
  name: string;
  attributes?: Record<string, string | undefined>;
  children?: XmlElement[];
  text?: string;
  /** Well-formed XML written verbatim as the element's content (an embedded document). */
  raw?: string;
}

/** Characters XML 1.0 cannot carry at all: C0 controls except tab/newline/return, U+FFFE/F, lone surrogates. */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function escapeXmlText(text: string): string {
  return text
    .replace(NOT_XML_CHAR, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

export function escapeXmlAttribute(text: string): string {
  return escapeXmlText(text)
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

/** `<name>text</name>`, or nothing when the text is absent. */
export function textElement(name: string, text: string | undefined): XmlElement[] {
  return text === undefined ? [] : [{ name, text }];
}

function writeElement(element: XmlElement, indent: string, out: string[]): void {
  const attributes = Object.entries(element.attributes ?? {})
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${escapeXmlAttribute(value)}"`)
    .join('');
  const open = `${indent}<${element.name}${attributes}`;
  const children = element.children ?? [];
  if (element.raw !== undefined) {
    out.push(`${open}>`, element.raw, `${indent}</${element.name}>`);
  } else if (children.length > 0) {
    out.push(`${open}>`);
    for (const child of children) writeElement(child, `${indent}  `, out);
    out.push(`${indent}</${element.name}>`);
  } else if (element.text !== undefined && element.text !== '') {
    out.push(`${open}>${escapeXmlText(element.text)}</${element.name}>`);
  } else {
    out.push(`${open}/>`);
  }
}

/** The document, with an XML declaration, two-space indented, ending in a newline. */
export function writeXmlDocument(root: XmlElement): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  writeElement(root, '', out);
  return out.join('\n') + '\n';
}
