import type { FeedItem } from '../../model.js';
import type { FeedFile, FeedParser } from '../types.js';
import { convertCoreAdvisory } from './core-record.js';
import { convertNpmAdvisory } from './npm-record.js';
import { PROVIDER, isObject, rejected } from './shared-fields.js';

/** `vuln/npm/<n>.json` or `vuln/core/<n>.json`; `index.json` (all records in one map) is not one. */
const RECORD_NAME = /^(\d+)\.json$/;

/**
 * Node.js security working group advisories (https://github.com/nodejs/security-wg): npm
 * modules (`module_name`, `vulnerable_versions`) and the Node.js runtime (`vulnerable`,
 * `patched`).
 */
export const npmSecurityWgParser: FeedParser = {
  name: PROVIDER,
  detect(file: FeedFile): boolean {
    if (!RECORD_NAME.test(file.name)) return false;
    const head = file.content.subarray(0, 65536).toString('utf8');
    if (!/^\s*\{/.test(head)) return false;
    return head.includes('"module_name"') || (head.includes('"vulnerable"') && head.includes('"patched"'));
  },
  *parse(file: FeedFile): Iterable<FeedItem> {
    let doc: unknown;
    try {
      doc = JSON.parse(file.content.toString('utf8'));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      yield rejected(file.location, `not JSON: ${message}`);
      return;
    }
    const n = RECORD_NAME.exec(file.name)?.[1] ?? file.name.replace(/\.json$/i, '');
    if (!isObject(doc)) yield rejected(file.location, 'not a security-wg advisory (not an object)');
    else if ('module_name' in doc) yield convertNpmAdvisory(doc, file.location, n);
    else if ('vulnerable' in doc) yield convertCoreAdvisory(doc, file.location, n);
    else yield rejected(file.location, 'neither an npm module nor a Node.js core advisory');
  },
};
