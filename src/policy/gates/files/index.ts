import type { Firing, BuiltinGate, BuiltinTrigger } from '../types.js';
import { attributeMatchTrigger } from './attribute-match-trigger.js';
import { contentRegexMatchTrigger } from './content-regex-match-trigger.js';
import { nameMatchTrigger } from './name-match-trigger.js';

const SETUID = 0o4000;
const SETGID = 0o2000;

const suidOrGuidSetTrigger: BuiltinTrigger = {
  name: 'suid_or_guid_set',
  description: 'Fires for each file with the setuid or setgid bit set.',
  params: [],
  evaluate(context) {
    const files = Array.isArray(context.sbom.files) ? context.sbom.files : [];
    const firings: Firing[] = [];
    for (const file of files) {
      if (typeof file?.path !== 'string') continue;
      const mode = typeof file.mode === 'number' ? file.mode : 0;
      const flags = Array.isArray(file.flags) ? file.flags : [];
      const bits = [
        ...((mode & SETUID) !== 0 || flags.includes('setuid') ? ['setuid'] : []),
        ...((mode & SETGID) !== 0 || flags.includes('setgid') ? ['setgid'] : []),
      ];
      if (bits.length === 0) continue;
      firings.push({
        message: `${bits.join(' and ')} set on ${file.path} (mode ${(mode & 0o7777).toString(8)})`,
        identity: file.path,
      });
    }
    return firings;
  },
};

/** Checks on the image's files: names, attributes, content-search matches, setuid/setgid bits. */
export const filesGate: BuiltinGate = {
  name: 'files',
  description:
    'Checks on the files of the image: names, checksums and modes, content-search matches, setuid/setgid bits.',
  state: 'active',
  triggers: [contentRegexMatchTrigger, nameMatchTrigger, attributeMatchTrigger, suidOrGuidSetTrigger],
};
