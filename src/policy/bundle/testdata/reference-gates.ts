import { EOL_GATES } from '../../gates/eol-gates.js';
import type { GateSpec, ParamSpec, TriggerSpec } from '../../gates/types.js';

/**
 * Stand-in gates for unit tests, shaped after the reference's gate table: enough of
 * dockerfile, vulnerabilities, secret_scans, metadata, packages and passwd_file to validate the
 * worked example, independent of the real gate implementations.
 */
const p = (name: string, type: ParamSpec['type'], extra: Partial<ParamSpec> = {}): ParamSpec => ({
  name,
  type,
  description: `the ${name}`,
  ...extra,
});

const t = (name: string, params: ParamSpec[] = []): TriggerSpec => ({
  name,
  description: `fires on ${name}`,
  params,
  evaluate: () => [],
});

const g = (name: string, triggers: TriggerSpec[]): GateSpec => ({
  name,
  description: `${name} checks`,
  state: 'active',
  triggers,
});

const COMPARISON = ['=', '!=', '<', '>', '<=', '>='];
const SEVERITY = ['unknown', 'negligible', 'low', 'medium', 'high', 'critical'];

export const REFERENCE_GATES: readonly GateSpec[] = [
  g('always', [t('always')]),
  g('dockerfile', [
    t('instruction', [
      p('instruction', 'enum', { required: true, values: ['CMD', 'EXPOSE', 'HEALTHCHECK', 'USER'] }),
      p('check', 'enum', { required: true, values: ['=', '!=', 'exists', 'not_exists', 'like'] }),
      p('value', 'str'),
      p('actual_dockerfile_only', 'bool', { default: 'false' }),
    ]),
    t('effective_user', [
      p('users', 'csv', { required: true }),
      p('type', 'enum', { required: true, values: ['whitelist', 'blacklist'] }),
    ]),
    t('exposed_ports', [
      p('ports', 'csv-int', { required: true }),
      p('type', 'enum', { required: true, values: ['whitelist', 'blacklist'] }),
    ]),
  ]),
  g('vulnerabilities', [
    t('package', [
      p('package_type', 'enum', { required: true, values: ['all', 'os', 'non-os'] }),
      p('severity_comparison', 'enum', { values: COMPARISON, default: '>' }),
      p('severity', 'enum', { values: SEVERITY, default: 'unknown' }),
      p('fix_available', 'bool'),
      p('vendor_only', 'bool', { default: 'true' }),
      p('cvss_v3_base_score', 'float'),
      p('package_path_exclude', 'regex'),
    ]),
    t('stale_feed_data', [p('max_days_since_sync', 'int', { required: true })]),
    t('vulnerability_data_unavailable'),
  ]),
  g('secret_scans', [
    t('content_regex_checks', [
      p('content_regex_name', 'str'),
      p('match_type', 'enum', { values: ['notfound', 'found'], default: 'found' }),
    ]),
  ]),
  g('metadata', [
    t('attribute', [
      p('attribute', 'enum', { required: true, values: ['size', 'architecture', 'layer_count'] }),
      p('check', 'enum', { required: true, values: ['=', '!=', '>', '<', '>=', '<='] }),
      p('value', 'str'),
    ]),
  ]),
  g('files', [
    t('attribute_match', [
      p('filename', 'str', { required: true }),
      p('mode', 'octal'),
      p('max_size', 'size'),
    ]),
  ]),
  g('packages', [t('blacklist', [p('name', 'str', { required: true }), p('version', 'str')])]),
  g('passwd_file', [
    t('blacklist_usernames', [p('user_names', 'csv', { required: true, aliases: ['usernameblacklist'] })]),
  ]),
  ...EOL_GATES,
];
