import { readFileSync } from 'node:fs';
import type { CatalogOptions } from '../cataloger/types.js';
import { stableJson } from '../layer-cache/cache-key.js';

/** The distro detector reads its release files from every layer: a unit of the cache key too. */
export const DISTRO_READER = { name: 'distro-release-files', version: 1 };

/** What the options make the catalogers read differently: the options and a rules file's text. */
export function readerSettings(catalog: CatalogOptions): string {
  let rules = '';
  const file = catalog.secrets?.rulesFile;
  if (file) {
    try {
      rules = readFileSync(file, 'utf8');
    } catch {
      rules = '(unreadable)';
    }
  }
  return stableJson({ catalog, rules });
}
