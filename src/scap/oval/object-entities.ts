import type { XmlNode } from '../../xml/xml-reader.js';

const OBJECT_META = new Set(['notes', 'set', 'filter', 'behaviors']);

/** The child entities of an object element (everything but notes, set, filter, behaviors). */
export function objectEntities(el: XmlNode): XmlNode[] {
  return el.children.filter((c) => !OBJECT_META.has(c.name));
}

/** The probe's name for an object element: its local name without `_object`. */
export function probeName(el: XmlNode): string {
  return el.name.replace(/_(object|test|state)$/, '');
}
