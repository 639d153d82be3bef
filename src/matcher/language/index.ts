import type { Matcher } from '../types.js';
import { ecosystemOfType } from '../../model/ecosystems.js';
import { ecosystemName, ecosystemVersion } from './ecosystems.js';

export { ecosystemName, ecosystemVersion } from './ecosystems.js';

/** Language packages, by ecosystem and name (npm lodash in `npm`, requests in `pypi`, …). */
export const languageMatcher: Matcher = {
  name: 'language',
  types: ['npm', 'python', 'gem', 'java', 'go', 'rust', 'php', 'dotnet'],
  handles: (pkg) => ecosystemOfType(pkg.type) !== undefined,
  lookups(pkg) {
    const ecosystem = ecosystemOfType(pkg.type);
    if (!ecosystem) return [];
    const name = ecosystemName(pkg, ecosystem.namespace);
    const version = ecosystemVersion(pkg);
    return [{ kind: 'ecosystem', namespace: ecosystem.namespace, name, version, scheme: ecosystem.scheme }];
  },
};
