/** The reference's worked example bundle (§3), as a document. */
export function workedExample(): Record<string, unknown> {
  const param = (name: string, value: string) => ({ name, value });
  return {
    id: 'acme-prod',
    version: '1_0',
    name: 'ACME prod',
    policies: [
      {
        id: 'pol-base',
        version: '1_0',
        name: 'baseline',
        rules: [
          {
            id: 'r1',
            gate: 'vulnerabilities',
            trigger: 'package',
            action: 'STOP',
            params: [
              param('package_type', 'all'),
              param('severity_comparison', '>='),
              param('severity', 'high'),
              param('fix_available', 'true'),
            ],
          },
          {
            id: 'r2',
            gate: 'vulnerabilities',
            trigger: 'package',
            action: 'WARN',
            params: [
              param('package_type', 'all'),
              param('severity_comparison', '='),
              param('severity', 'medium'),
            ],
          },
          {
            id: 'r3',
            gate: 'vulnerabilities',
            trigger: 'stale_feed_data',
            action: 'WARN',
            params: [param('max_days_since_sync', '3')],
          },
          {
            id: 'r4',
            gate: 'dockerfile',
            trigger: 'effective_user',
            action: 'STOP',
            params: [param('users', 'root'), param('type', 'blacklist')],
          },
          { id: 'r5', gate: 'secret_scans', trigger: 'content_regex_checks', action: 'STOP', params: [] },
        ],
      },
      {
        id: 'pol-size',
        version: '1_0',
        name: 'size',
        rules: [
          {
            id: 'r6',
            gate: 'metadata',
            trigger: 'attribute',
            action: 'WARN',
            params: [param('attribute', 'size'), param('check', '>'), param('value', '2gb')],
          },
        ],
      },
    ],
    whitelists: [
      {
        id: 'wl',
        version: '1_0',
        name: 'accepted',
        items: [
          {
            id: 'w1',
            gate: 'vulnerabilities',
            trigger_id: 'CVE-2023-0001+openssl',
            expires_on: '2030-01-01T00:00:00Z',
          },
          { id: 'w2', gate: 'vulnerabilities', trigger_id: 'CVE-2022-*+libxml2' },
        ],
      },
    ],
    mappings: [
      {
        id: 'm1',
        name: 'payments pinned',
        registry: 'registry.acme.io',
        repository: 'payments/*',
        image: { type: 'digest', value: 'sha256:aaaa' },
        policy_ids: ['pol-base'],
        whitelist_ids: [],
      },
      {
        id: 'm2',
        name: 'default',
        registry: '*',
        repository: '*',
        image: { type: 'tag', value: '*' },
        policy_ids: ['pol-base', 'pol-size'],
        whitelist_ids: ['wl'],
      },
    ],
    whitelisted_images: [
      {
        id: 't1',
        name: 'golden',
        registry: 'docker.io',
        repository: 'acme/base',
        image: { type: 'tag', value: 'v*' },
      },
    ],
    blacklisted_images: [
      {
        id: 'b1',
        name: 'no latest',
        registry: 'registry.acme.io',
        repository: '*',
        image: { type: 'tag', value: 'latest' },
      },
    ],
  };
}
