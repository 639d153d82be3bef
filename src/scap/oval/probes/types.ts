import type { XmlNode } from '../../../xml/xml-reader.js';
import type { Collected, OvalContext } from '../context.js';

/** Collects the items of one kind of OVAL object from the system under evaluation. */
export interface Probe {
  /** The object's local name without `_object` (`textfilecontent54`, `file`). */
  name: string;
  /** The namespace of the object element. */
  ns: string;
  /** Throws only on content it cannot read (the object becomes `error`). */
  collect(context: OvalContext, object: XmlNode): Collected;
}

export const collected = (items: Collected['items']): Collected => ({
  flag: items.length > 0 ? 'complete' : 'does not exist',
  items,
});

export const notCollected = (message: string): Collected => ({ flag: 'not collected', items: [], message });
export const collectionError = (message: string): Collected => ({ flag: 'error', items: [], message });

/** The collection of an object whose entity's variable gave no value: error, or not collected. */
export const entityFailure = (entity: { error?: string; unsupported?: boolean }): Collected =>
  entity.unsupported ? notCollected(entity.error ?? '') : collectionError(entity.error ?? '');
