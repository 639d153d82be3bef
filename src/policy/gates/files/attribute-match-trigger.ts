import { boolParam, numberParam, stringParam } from '../../trigger-params/read-params.js';
import type { BuiltinTrigger } from '../types.js';

/** Permission and special bits only (what `chmod` sets). */
const MODE_BITS = 0o7777;

function normaliseDigest(digest: string): string {
  return digest
    .trim()
    .toLowerCase()
    .replace(/^sha256:/, '');
}

export const attributeMatchTrigger: BuiltinTrigger = {
  name: 'attribute_match',
  description:
    'Fires when the file exists and every given check holds (checksum, mode), or when it is missing and skip_missing is false. A checksum check cannot decide, and does not fire, when the SBOM has no digest for the file.',
  params: [
    { name: 'filename', type: 'str', required: true, description: 'Full path of the file, e.g. /etc/passwd' },
    {
      name: 'checksum_algorithm',
      type: 'enum',
      values: ['sha256'],
      default: 'sha256',
      description: 'Checksum algorithm.',
    },
    { name: 'checksum', type: 'str', description: 'Checksum (hex) to compare with.' },
    {
      name: 'checksum_match',
      type: 'enum',
      values: ['equals', 'not_equals'],
      default: 'equals',
      description: 'How to compare the checksum.',
    },
    { name: 'mode', type: 'octal', description: 'File mode to compare with, octal (e.g. 0644, 4755).' },
    {
      name: 'mode_op',
      type: 'enum',
      values: ['equals', 'not_equals'],
      default: 'equals',
      description: 'How to compare the mode.',
    },
    {
      name: 'skip_missing',
      type: 'bool',
      default: 'true',
      description: 'When false, a missing file fires regardless of the checks.',
    },
  ],
  evaluate(context, params) {
    const filename = stringParam(params, 'filename');
    if (!filename) return [];
    const files = Array.isArray(context.sbom.files) ? context.sbom.files : [];
    const file = files.find((f) => f?.path === filename);
    if (!file) {
      return boolParam(params, true, 'skip_missing')
        ? []
        : [
            {
              message: `File ${filename} is not in the image inventory (skip_missing=false)`,
              identity: filename,
            },
          ];
    }
    const held: string[] = [];
    const checksum = stringParam(params, 'checksum');
    if (checksum) {
      if (typeof file.sha256 !== 'string') return [];
      const op = stringParam(params, 'checksum_match') ?? 'equals';
      const same = normaliseDigest(file.sha256) === normaliseDigest(checksum);
      if (same !== (op === 'equals')) return [];
      held.push(`sha256 ${op} ${checksum}`);
    }
    const mode = numberParam(params, 'mode');
    if (mode !== undefined) {
      if (typeof file.mode !== 'number') return [];
      const op = stringParam(params, 'mode_op') ?? 'equals';
      const same = (file.mode & MODE_BITS) === (mode & MODE_BITS);
      if (same !== (op === 'equals')) return [];
      held.push(`mode ${(file.mode & MODE_BITS).toString(8)} ${op} ${(mode & MODE_BITS).toString(8)}`);
    }
    if (held.length === 0) return [];
    return [{ message: `File ${filename}: ${held.join(' and ')}`, identity: filename }];
  },
};
