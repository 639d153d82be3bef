import { type Doc, type ProblemSink } from './problem-sink.js';

/** The only bundle format version Anchore (and Customs) reads. */
export const BUNDLE_VERSION = '1_0';

/**
 * `version` must be "1_0". It is required on the bundle; policies and allowlists carry it in
 * every Anchore example but a missing one there is taken as "1_0".
 */
export function checkVersion(doc: Doc, path: string, sink: ProblemSink, required: boolean): string {
  const value = doc.version;
  if (value === undefined || value === null) {
    if (required)
      sink.add(`${path}.version`, `missing required field "version" (must be "${BUNDLE_VERSION}")`);
    return BUNDLE_VERSION;
  }
  if (value !== BUNDLE_VERSION)
    sink.add(`${path}.version`, `unsupported version: must be "${BUNDLE_VERSION}"`, value);
  return typeof value === 'string' ? value : String(value);
}
