import { matchesAtStart } from '../../checks/regex-match.js';
import { regexParam, stringParam } from '../../trigger-params/read-params.js';
import type { GateContext, BuiltinGate, BuiltinTrigger } from '../types.js';

/** The retrieved content of `path` as text; undefined when that file was not retrieved. */
function retrievedText(context: GateContext, path: string): string | undefined {
  const files = Array.isArray(context.sbom.retrievedFiles) ? context.sbom.retrievedFiles : [];
  const file = files.find((f) => f?.path === path);
  if (!file || typeof file.contentBase64 !== 'string') return undefined;
  return Buffer.from(file.contentBase64, 'base64').toString('utf8');
}

const pathParam = {
  name: 'path',
  type: 'str',
  required: true,
  description: 'Full path of a file retrieved at analysis (--retrieve-file; /etc/passwd by default).',
} as const;

const contentNotAvailable: BuiltinTrigger = {
  name: 'content_not_available',
  description:
    'Fires when the content of the file was not retrieved at analysis (absent from the image, or not configured).',
  params: [pathParam],
  evaluate(context, params) {
    const path = stringParam(params, 'path');
    if (!path || retrievedText(context, path) !== undefined) return [];
    return [
      {
        message: `The content of ${path} is not available in the image analysis`,
        identity: `file://${path}`,
      },
    ];
  },
};

/**
 * Identity is `file://<path>`: Anchore's trigger id for this trigger is `<rule id>+file://<path>`,
 * which the evaluator composes from the rule it is running.
 */
const contentRegex: BuiltinTrigger = {
  name: 'content_regex',
  description:
    'Applies the regex to each whitespace-separated word of the retrieved file (from the start of the word): check match fires when a word matches, no_match when none does.',
  params: [
    pathParam,
    {
      name: 'regex',
      type: 'regex',
      required: true,
      description: 'Regex applied to each word of the content.',
    },
    {
      name: 'check',
      type: 'enum',
      required: true,
      values: ['match', 'no_match'],
      description: 'Fire on a match, or on the absence of one.',
    },
  ],
  evaluate(context, params) {
    const path = stringParam(params, 'path');
    const regex = regexParam(params, 'regex');
    const check = stringParam(params, 'check');
    if (!path || !regex || (check !== 'match' && check !== 'no_match')) return [];
    const text = retrievedText(context, path);
    if (text === undefined) return [];
    const found = text.split(/\s+/).some((word) => word !== '' && matchesAtStart(regex, word));
    if (found !== (check === 'match')) return [];
    return [
      {
        message: `Regex ${regex.source} ${found ? 'matches' : 'does not match'} the content of ${path} (check ${check})`,
        identity: `file://${path}`,
      },
    ];
  },
};

/** Checks on the content of files retrieved at analysis. */
export const retrievedFilesGate: BuiltinGate = {
  name: 'retrieved_files',
  description: 'Checks on the presence and content of files retrieved from the image at analysis.',
  state: 'active',
  triggers: [contentNotAvailable, contentRegex],
};
