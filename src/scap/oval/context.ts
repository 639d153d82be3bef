import type { ScanSystem } from '../system.js';
import type { OvalDocument } from './document.js';
import type { OvalResult } from './result.js';

/** One collected item: each field's values, as text (datatypes come from the entity compared). */
export type Item = Record<string, string[]>;

/** How a collection ended (the OVAL system-characteristics flag). */
export type CollectedFlag = 'complete' | 'does not exist' | 'error' | 'not collected';

export interface Collected {
  flag: CollectedFlag;
  items: Item[];
  /** Why the flag is error or not collected. */
  message?: string;
}

/** The values of a variable, or why it has none it can give. */
export interface VariableValues {
  values: string[];
  datatype: string;
  error?: string;
  /** The error is an object Customs does not collect (so: not evaluated, not an error). */
  unsupported?: boolean;
}

/** Everything an evaluation of OVAL definitions against one system shares. */
export interface OvalContext {
  doc: OvalDocument;
  system: ScanSystem;
  /** Values of external variables (from XCCDF exports), by OVAL variable id. */
  externals: ReadonlyMap<string, readonly string[]>;
  objects: Map<string, Collected>;
  tests: Map<string, OvalResult>;
  definitions: Map<string, OvalResult>;
  variables: Map<string, VariableValues>;
  /** Ids being resolved right now (a reference cycle is an error, not a hang). */
  resolving: Set<string>;
}

export function newContext(
  doc: OvalDocument,
  system: ScanSystem,
  externals: ReadonlyMap<string, readonly string[]> = new Map(),
): OvalContext {
  return {
    doc,
    system,
    externals,
    objects: new Map(),
    tests: new Map(),
    definitions: new Map(),
    variables: new Map(),
    resolving: new Set(),
  };
}
