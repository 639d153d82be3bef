import { stringParam } from '../../trigger-params/read-params.js';
import type { BuiltinTrigger } from '../types.js';
import { compareVersions, ofPackageType, PACKAGE_TYPE_PARAM } from './package-versions.js';

/**
 * Fires once when no installed package of that name meets the requirement. Versions compare in
 * the package's own scheme (dpkg for deb, PEP 440 for python…); a package whose version cannot
 * be compared does not meet a minimum.
 */
export const requiredPackageTrigger: BuiltinTrigger = {
  name: 'required_package',
  description:
    'Fires when the package is not installed, or (with version) when no installed version equals it (exact) or reaches it (minimum).',
  params: [
    { name: 'name', type: 'str', required: true, description: 'Package name.' },
    { name: 'version', type: 'str', description: 'The version required.' },
    {
      name: 'version_match_type',
      type: 'enum',
      values: ['exact', 'minimum'],
      default: 'exact',
      description: 'exact: that version; minimum: that version or later.',
    },
    PACKAGE_TYPE_PARAM,
  ],
  evaluate(context, params) {
    const name = stringParam(params, 'name')?.trim();
    const version = stringParam(params, 'version')?.trim() || undefined;
    const matchType = stringParam(params, 'version_match_type') ?? 'exact';
    const packageType = stringParam(params, 'package_type') ?? 'os';
    if (!name) return [];
    const packages = (Array.isArray(context.sbom.packages) ? context.sbom.packages : []).filter(
      (p) => p?.name === name && ofPackageType(p.type, packageType),
    );
    if (packages.length === 0)
      return [{ message: `Required package ${name} is not installed`, identity: name }];
    if (version === undefined) return [];
    const meets = packages.some((p) => {
      if (matchType !== 'minimum') return p.version === version;
      const order = compareVersions(p.type, p.version, version);
      return order !== undefined && order >= 0;
    });
    if (meets) return [];
    const installed = [...new Set(packages.map((p) => p.version))].join(', ');
    return [
      {
        message: `Required package ${name} ${matchType === 'minimum' ? `>= ${version}` : `= ${version}`} is not installed (installed: ${installed})`,
        identity: `${name}@${version}`,
      },
    ];
  },
};
