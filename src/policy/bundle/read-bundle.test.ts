import { describe, expect, it } from 'vitest';
import { readBundle } from './read-bundle.js';
import { REFERENCE_GATES } from './testdata/reference-gates.js';
import { workedExample } from './testdata/worked-example.js';

const read = (doc: unknown) => readBundle(doc, REFERENCE_GATES);

/** A small valid bundle to break one piece at a time. */
function minimal(): Record<string, unknown> {
  return {
    id: 'b',
    version: '1_0',
    policies: [
      {
        id: 'p',
        version: '1_0',
        rules: [{ id: 'r', gate: 'always', trigger: 'always', action: 'GO', params: [] }],
      },
    ],
    mappings: [{ registry: '*', repository: '*', image: { type: 'tag', value: '*' }, policy_id: 'p' }],
  };
}

describe('readBundle', () => {
  it('reads the worked example into the normalised shape', () => {
    const { bundle, problems } = read(workedExample());
    expect(problems).toEqual([]);
    expect(bundle.id).toBe('acme-prod');
    expect(bundle.policies.map((p) => p.rules.length)).toEqual([5, 1]);
    const r1 = bundle.policies[0]?.rules[0];
    expect(r1?.action).toBe('stop');
    expect(r1?.values).toEqual({
      package_type: 'all',
      severity_comparison: '>=',
      severity: 'high',
      fix_available: true,
      vendor_only: true,
    });
    expect(bundle.policies[1]?.rules[0]?.values?.value).toBe('2gb');
    expect(bundle.allowlists[0]?.items[0]).toEqual({
      id: 'w1',
      gate: 'vulnerabilities',
      trigger_id: 'CVE-2023-0001+openssl',
      expires_on: '2030-01-01T00:00:00Z',
    });
    expect(bundle.mappings.map((m) => [m.id, m.policy_ids, m.allowlist_ids])).toEqual([
      ['m1', ['pol-base'], []],
      ['m2', ['pol-base', 'pol-size'], ['wl']],
    ]);
    expect(bundle.allowedImages.map((s) => s.id)).toEqual(['t1']);
    expect(bundle.deniedImages.map((s) => s.id)).toEqual(['b1']);
  });

  it('normalises policy_id to policy_ids and canonicalises names', () => {
    const doc = minimal();
    doc.policies = [
      {
        id: 'p',
        rules: [
          {
            gate: 'DockerFile',
            trigger: 'Exposed_Ports',
            action: 'warn',
            params: [
              { name: 'PORTS', value: '22|2222' },
              { name: 'type', value: 'blacklist' },
            ],
          },
        ],
      },
    ];
    const { bundle, problems } = read(doc);
    expect(problems).toEqual([]);
    expect(bundle.mappings[0]?.policy_ids).toEqual(['p']);
    expect(bundle.mappings[0]?.allowlist_ids).toEqual([]);
    expect(bundle.policies[0]?.version).toBe('1_0');
    const rule = bundle.policies[0]?.rules[0];
    expect(rule).toMatchObject({
      id: 'p:rule-1',
      gate: 'dockerfile',
      trigger: 'exposed_ports',
      action: 'warn',
    });
    expect(rule?.params).toEqual([
      { name: 'ports', value: '22|2222' },
      { name: 'type', value: 'blacklist' },
    ]);
    expect(rule?.values?.ports).toEqual([22, 2222]);
  });

  it.each([
    ['allowlists', 'allowlist_ids', 'allowlisted_images', 'denylisted_images'],
    ['allowlists', 'allowlist_ids', 'allowed_images', 'denied_images'],
  ])('accepts Customs spellings %s, %s, %s, %s', (lists, ids, allowed, denied) => {
    const doc = minimal();
    doc[lists] = [{ id: 'a', version: '1_0', items: [{ id: 'i', gate: 'always', trigger_id: 'always' }] }];
    (doc.mappings as Record<string, unknown>[])[0]![ids] = ['a'];
    doc[allowed] = [{ registry: 'docker.io', repository: 'acme/*', image: { type: 'tag', value: '*' } }];
    doc[denied] = [{ registry: '*', repository: '*', image: { type: 'digest', value: 'sha256:bad' } }];
    const { bundle, problems } = read(doc);
    expect(problems).toEqual([]);
    expect(bundle.allowlists[0]?.items).toHaveLength(1);
    expect(bundle.mappings[0]?.allowlist_ids).toEqual(['a']);
    expect(bundle.allowedImages[0]?.repository).toBe('acme/*');
    expect(bundle.deniedImages[0]?.image).toEqual({ type: 'digest', value: 'sha256:bad' });
  });

  it('reads the Customs extensions', () => {
    const doc = {
      ...minimal(),
      no_mapping_action: 'Stop',
      grade: { days: [7, 30, '90', 180], severities: 'Critical|high' },
    };
    const { bundle, problems } = read(doc);
    expect(problems).toEqual([]);
    expect(bundle.noMappingAction).toBe('stop');
    expect(bundle.grade).toEqual({ days: [7, 30, 90, 180], severities: ['critical', 'high'] });
    expect(read({ ...minimal(), grade: { days: [1, 2, 3, 4] } }).bundle.grade?.severities).toEqual([
      'critical',
      'high',
    ]);
  });

  it('lists every problem at once, each with its path and value', () => {
    const doc = {
      id: 'broken',
      version: '2_0',
      policies: [
        {
          id: 'p1',
          rules: [
            { id: 'r1', gate: 'nosuchgate', trigger: 'x', action: 'STOP' },
            { id: 'r1', gate: 'anchoresec', trigger: 'VULNHIGH', action: 'STOP' },
            { id: 'r3', gate: 'dockerfile', trigger: 'nosuchtrigger', action: 'STOP' },
            {
              id: 'r4',
              gate: 'dockerfile',
              trigger: 'exposed_ports',
              action: 'HALT',
              params: [
                { name: 'ports', value: '22,ssh' },
                { name: 'colour', value: 'red' },
              ],
            },
            { id: 'r5', trigger: 'always', action: 'GO' },
          ],
        },
        { id: 'p1', rules: [] },
      ],
      whitelists: [
        {
          id: 'wl',
          items: [
            { id: 'i1', gate: 'vulnerabilities', trigger_id: 'CVE-1+*', expires_on: '31/12/2030' },
            { id: 'i1', gate: 'vulnerabilities', trigger_id: 'regexp:CVE-(' },
          ],
        },
        { id: 'wl', items: [] },
      ],
      mappings: [
        {
          id: 'm1',
          registry: '*',
          repository: '*',
          image: { type: 'label', value: '*' },
          policy_id: 'p1',
          policy_ids: ['p1'],
        },
        {
          id: 'm1',
          registry: 'regexp:[',
          repository: '*',
          image: { type: 'tag', value: '*' },
          whitelist_ids: ['nowl'],
        },
        {
          id: 'm3',
          registry: '*',
          repository: '*',
          image: { type: 'tag', value: '*' },
          policy_ids: ['p1', 'ghost'],
        },
        { id: 'm4', registry: '*', image: { type: 'tag', value: '*' }, policy_id: 'gone' },
      ],
      blacklisted_images: [{ registry: '*', repository: '*', image: { value: 'x' } }],
    };
    const { problems } = read(doc);
    const lines = problems.map((p) => `${p.path} | ${p.message} | ${JSON.stringify(p.value)}`);
    expect(lines).toEqual([
      '$.version | unsupported version: must be "1_0" | "2_0"',
      '$.policies[0].rules[0].gate | unknown gate (known gates: always, dockerfile, vulnerabilities, secret_scans, metadata, files, packages, passwd_file) | "nosuchgate"',
      '$.policies[0].rules[1].gate | end-of-life gate: it is no longer evaluated, replace the rule with a current gate | "anchoresec"',
      '$.policies[0].rules[2].trigger | unknown trigger for gate dockerfile (known triggers: instruction, effective_user, exposed_ports) | "nosuchtrigger"',
      '$.policies[0].rules[3].action | action must be STOP, WARN or GO | "HALT"',
      '$.policies[0].rules[3].params[0].value | parameter "ports" must be comma-separated integers ("ssh" is not one) | "22,ssh"',
      '$.policies[0].rules[3].params[1].name | unknown parameter "colour" for trigger exposed_ports (known: ports, type) | "colour"',
      '$.policies[0].rules[3].params | trigger exposed_ports needs parameter "type" | undefined',
      '$.policies[0].rules[4].gate | missing required field "gate" | undefined',
      '$.policies[0].rules[1].id | duplicate rule id (first used at $.policies[0].rules[0].id) | "r1"',
      '$.policies[1].id | duplicate policy id (first used at $.policies[0].id) | "p1"',
      '$.whitelists[0].items[0].expires_on | expires_on must be an RFC 3339 date-time such as 2030-01-01T00:00:00Z | "31/12/2030"',
      '$.whitelists[0].items[1].trigger_id | bad regexp: pattern: not a valid regular expression: missing closing ): `CVE-(` | "regexp:CVE-("',
      '$.whitelists[0].items[1].id | duplicate allowlist item id (first used at $.whitelists[0].items[0].id) | "i1"',
      '$.whitelists[1].id | duplicate allowlist id (first used at $.whitelists[0].id) | "wl"',
      '$.mappings[0].image.type | image type must be tag, digest or id | "label"',
      '$.mappings[0].policy_ids | give policy_id or policy_ids, not both | {"policy_id":"p1","policy_ids":["p1"]}',
      '$.mappings[1].registry | bad regexp: pattern: not a valid regular expression: missing closing ]: `[` | "regexp:["',
      '$.mappings[1].policy_ids | a mapping needs policy_ids (or policy_id) | undefined',
      '$.mappings[1].whitelist_ids[0] | no allowlist has this id | "nowl"',
      '$.mappings[2].policy_ids[1] | no policy has this id | "ghost"',
      '$.mappings[3].repository | missing required field "repository" | undefined',
      '$.mappings[3].policy_id | no policy has this id | "gone"',
      '$.mappings[1].id | duplicate mapping id (first used at $.mappings[0].id) | "m1"',
      '$.blacklisted_images[0].image.type | missing required field "type" (tag, digest or id) | undefined',
    ]);
  });

  it('checks the shape of a rule whose gate is unknown too (its params must still be a list)', () => {
    const doc = minimal();
    (doc.policies as { rules: unknown[] }[])[0]!.rules = [
      { id: 'r', gate: 'nosuchgate', trigger: 'x', action: 'GO', params: 'ports=22' },
    ];
    expect(read(doc).problems.map((p) => `${p.path} | ${p.message}`)).toEqual([
      '$.policies[0].rules[0].gate | unknown gate (known gates: always, dockerfile, vulnerabilities, secret_scans, metadata, files, packages, passwd_file)',
      '$.policies[0].rules[0].params | params must be a list of {name, value} objects',
    ]);
  });

  it('takes a field set to null as absent', () => {
    const doc = { ...minimal(), name: null, whitelists: null, grade: null };
    expect(read(doc).problems).toEqual([]);
    expect(read({ ...minimal(), id: null }).problems).toEqual([
      { path: '$.id', message: 'missing required field "id"' },
    ]);
  });

  it('reports policy_id with policy_ids, and an empty policy_ids', () => {
    const doc = minimal();
    const mapping = (doc.mappings as Record<string, unknown>[])[0]!;
    mapping.policy_ids = ['p'];
    expect(read(doc).problems.map((p) => p.message)).toEqual(['give policy_id or policy_ids, not both']);
    delete mapping.policy_id;
    mapping.policy_ids = [];
    expect(read(doc).problems.map((p) => p.message)).toEqual(['a mapping needs at least one policy id']);
  });

  it.each([
    [null, '$', 'a policy bundle must be an object'],
    [[], '$', 'a policy bundle must be an object'],
    [{}, '$.id', 'missing required field "id"'],
    [{ id: 'x' }, '$.version', 'missing required field "version" (must be "1_0")'],
    [{ id: 'x', version: '1_0' }, '$.policies', 'missing required field "policies"'],
    [{ id: 'x', version: '1_0', policies: [] }, '$.mappings', 'missing required field "mappings"'],
    [{ id: 7, version: '1_0', policies: [], mappings: [] }, '$.id', '"id" must be a non-empty string'],
    [{ id: 'x', version: '1_0', policies: {}, mappings: [] }, '$.policies', '"policies" must be a list'],
    [
      { ...minimal(), whitelists: [], allowlists: [] },
      '$.allowlists',
      'give only one of "whitelists", "allowlists"',
    ],
    [{ ...minimal(), no_mapping_action: 'DENY' }, '$.no_mapping_action', 'action must be STOP, WARN or GO'],
    [
      { ...minimal(), grade: { days: [30, 7, 90, 180] } },
      '$.grade.days',
      'grade days must be four non-negative whole numbers in order, the bounds for B, C, D and E',
    ],
    [
      { ...minimal(), grade: { days: [1, 2, 3, 4], severities: ['severe'] } },
      '$.grade.severities',
      'grade severities must be a list of unknown, negligible, low, medium, high, critical',
    ],
  ])('%j: %s %s', (doc, path, message) => {
    expect(read(doc).problems[0]).toMatchObject({ path, message });
  });

  it.each([
    ['2030-01-01T00:00:00Z', true],
    ['2030-01-01T00:00:00.123+02:00', true],
    ['2030-01-01t00:00:00z', true],
    ['2030-01-01', false],
    ['2030-02-30T00:00:00Z', false],
    ['2030-01-01T24:00:00Z', false],
    ['2030-01-01T00:00:00', false],
  ])('expires_on %s valid: %s', (expires, valid) => {
    const doc = {
      ...minimal(),
      whitelists: [
        { id: 'w', items: [{ id: 'i', gate: 'always', trigger_id: 'always', expires_on: expires }] },
      ],
    };
    expect(read(doc).problems.length === 0).toBe(valid);
  });
});
