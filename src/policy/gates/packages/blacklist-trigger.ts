import { stringParam } from '../../trigger-params/read-params.js';
import type { Firing, BuiltinTrigger } from '../types.js';
import { ofPackageType, PACKAGE_TYPE_PARAM } from './package-versions.js';

/** Fires for each installed package of that name (and version, when given); OS packages by default. */
export const blacklistTrigger: BuiltinTrigger = {
  name: 'blacklist',
  description:
    'Fires for each installed package with the given name (and exact version, when given); OS packages unless package_type says otherwise.',
  params: [
    { name: 'name', type: 'str', required: true, description: 'Package name, e.g. openssl' },
    { name: 'version', type: 'str', description: 'Exact version; any version when not given.' },
    PACKAGE_TYPE_PARAM,
  ],
  evaluate(context, params) {
    const name = stringParam(params, 'name')?.trim();
    const version = stringParam(params, 'version')?.trim() || undefined;
    const packageType = stringParam(params, 'package_type') ?? 'os';
    if (!name) return [];
    const packages = Array.isArray(context.sbom.packages) ? context.sbom.packages : [];
    const seen = new Set<string>();
    const firings: Firing[] = [];
    for (const pkg of packages) {
      if (pkg?.name !== name || !ofPackageType(pkg.type, packageType)) continue;
      if (version !== undefined && pkg.version !== version) continue;
      const identity = `${pkg.name}@${pkg.version}`;
      if (seen.has(`${pkg.type}:${identity}`)) continue;
      seen.add(`${pkg.type}:${identity}`);
      firings.push({ message: `Denied package installed: ${identity} (${pkg.type})`, identity });
    }
    return firings;
  },
};
