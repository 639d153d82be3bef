import { readFile } from 'node:fs/promises';
import { PolicyError } from '../../errors/index.js';
import { GATES } from '../gates/registry.js';
import type { GateSpec } from '../gates/types.js';
import { readBundle, type ParsedBundle } from './read-bundle.js';
import { readBundleDocument } from './read-document.js';

/**
 * Reads and validates a bundle file (JSON or YAML). A file that cannot be read or parsed is a
 * PolicyError; a bundle with problems is returned with them, for the caller to report.
 */
export async function loadBundle(path: string, gates: readonly GateSpec[] = GATES): Promise<ParsedBundle> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (code ?? 'unreadable');
    throw new PolicyError(`cannot read policy bundle ${path}: ${reason}`, { cause: err });
  }
  return readBundle(readBundleDocument(text, path), gates);
}
