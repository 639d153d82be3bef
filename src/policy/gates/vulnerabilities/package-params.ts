import type { ParamSpec } from '../types.js';
import { COMPARISONS } from './comparisons.js';
import { SEVERITY_ORDER } from './severity-order.js';
import type { CvssV3Kind } from './cvss-v3-scores.js';

/** A CVSS v3 threshold parameter and its `_comparison` companion, for NVD's or the vendors' scores. */
function cvssParams(prefix: '' | 'vendor_', kind: CvssV3Kind): ParamSpec[] {
  const whose = prefix === '' ? "NVD's" : "vendors' (every source but NVD)";
  const name = `${prefix}cvss_v3_${kind}_score`;
  return [
    {
      name: `${name}_comparison`,
      type: 'enum',
      values: COMPARISONS,
      default: '>=',
      description: `How the highest of ${whose} CVSS v3 ${kind} scores is compared with ${name}.`,
    },
    {
      name,
      type: 'float',
      description: `Fires only when the highest of ${whose} CVSS v3 ${kind} scores (-1 when there is none) passes the comparison with this number.`,
    },
  ];
}

export const PACKAGE_PARAMS: readonly ParamSpec[] = [
  {
    name: 'package_type',
    type: 'enum',
    required: true,
    values: ['all', 'os', 'non-os'],
    description: 'Which matches to look at: os (deb, rpm, apk packages), non-os (all other packages) or all.',
  },
  {
    name: 'severity_comparison',
    type: 'enum',
    values: COMPARISONS,
    default: '>',
    description:
      'How the vulnerability severity is compared with `severity`, on the scale unknown < … < critical.',
  },
  {
    name: 'severity',
    type: 'enum',
    values: SEVERITY_ORDER,
    default: 'unknown',
    description: 'The severity the vulnerability severity is compared with.',
  },
  ...cvssParams('', 'base'),
  ...cvssParams('', 'exploitability'),
  ...cvssParams('', 'impact'),
  {
    name: 'fix_available',
    type: 'bool',
    description: 'true: only vulnerabilities with a fixed version; false: only those without one.',
  },
  {
    name: 'vendor_only',
    type: 'bool',
    default: 'true',
    description: 'true: leave out matches the vendor has marked as one it will not fix.',
  },
  {
    name: 'max_days_since_creation',
    type: 'int',
    description:
      'A grace period: fires only for vulnerabilities published at least this many days ago (unknown publication dates fire).',
  },
  {
    name: 'max_days_since_fix',
    type: 'int',
    description:
      'With fix_available=true only: fires only when the fix was published at least this many days ago (unknown fix dates fire).',
  },
  ...cvssParams('vendor_', 'base'),
  ...cvssParams('vendor_', 'exploitability'),
  ...cvssParams('vendor_', 'impact'),
  {
    name: 'package_path_exclude',
    type: 'regex',
    description:
      'Leaves out non-os packages with a location path this regex matches (anchored at the start of the path).',
  },
];
