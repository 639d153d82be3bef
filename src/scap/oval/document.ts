import { NS } from '../namespaces.js';
import type { XmlNode } from '../../xml/xml-reader.js';

/** The parts of an OVAL definitions document, by id. */
export interface OvalDocument {
  definitions: Map<string, XmlNode>;
  tests: Map<string, XmlNode>;
  objects: Map<string, XmlNode>;
  states: Map<string, XmlNode>;
  variables: Map<string, XmlNode>;
}

const SECTIONS: Record<string, keyof OvalDocument> = {
  definitions: 'definitions',
  tests: 'tests',
  objects: 'objects',
  states: 'states',
  variables: 'variables',
};

/** Indexes an `oval_definitions` element. */
export function indexOval(root: XmlNode): OvalDocument {
  const doc: OvalDocument = {
    definitions: new Map(),
    tests: new Map(),
    objects: new Map(),
    states: new Map(),
    variables: new Map(),
  };
  for (const section of root.children) {
    const key = section.ns === NS.ovalDef ? SECTIONS[section.name] : undefined;
    if (!key) continue;
    for (const el of section.children) {
      const id = el.attrs.id;
      if (id) doc[key].set(id, el);
    }
  }
  return doc;
}

/** Merges several OVAL documents (a data stream may carry more than one) into one index. */
export function mergeOval(docs: readonly OvalDocument[]): OvalDocument {
  const merged = indexOval({ ns: '', name: '', attrs: {}, children: [], text: '' });
  for (const doc of docs)
    for (const key of Object.keys(merged) as (keyof OvalDocument)[])
      for (const [id, el] of doc[key]) if (!merged[key].has(id)) merged[key].set(id, el);
  return merged;
}
