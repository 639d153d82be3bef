// The starter bundles shipped in policies/: each validates against Customs' gates with no
// problem, every rule cites the control it implements, and on the real polyglot image (EXPOSE
// 22, a setuid shell, a leaked RSA key) they give the findings those controls are about.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Sbom } from '../../src/model/sbom.js';
import { loadBundle } from '../../src/policy/bundle/index.js';
import { evaluateBundle } from '../../src/policy/evaluate/index.js';
import type { EvaluationResult } from '../../src/policy/types.js';
import { generateSbom } from '../../src/sbom/generate-sbom.js';
import { policySbom } from '../helpers/policy-sbom.js';
import { getTestImages } from '../images/index.js';

const POLICIES_DIR = join(import.meta.dirname, '..', '..', 'policies');
const BUNDLE_FILES = readdirSync(POLICIES_DIR)
  .filter((name) => name.endsWith('.json'))
  .sort();

interface RawRule {
  id?: unknown;
  comment?: unknown;
  gate?: unknown;
  trigger?: unknown;
}
interface RawBundle {
  policies: { id: string; comment?: unknown; rules: RawRule[] }[];
}

const raw = (file: string): RawBundle =>
  JSON.parse(readFileSync(join(POLICIES_DIR, file), 'utf8')) as RawBundle;

/** The control a rule id names, and how its comment must cite it. */
const CITATIONS: { id: RegExp; comment: (control: string) => string }[] = [
  { id: /^nist-800-190-(4\.1\.[1-5])-/, comment: (c) => `NIST SP 800-190 §${c} ` },
  { id: /^cis-docker-(4\.\d+)-/, comment: (c) => `CIS Docker Benchmark ${c} ` },
];

function citation(rule: RawRule): { control: string; expected: string } | undefined {
  for (const { id, comment } of CITATIONS) {
    const control = typeof rule.id === 'string' ? id.exec(rule.id)?.[1] : undefined;
    if (control) return { control, expected: comment(control) };
  }
  return undefined;
}

describe('starter bundles in policies/', () => {
  it('ships the three starter bundles', () => {
    expect(BUNDLE_FILES).toEqual(['cis-docker.json', 'default.json', 'nist-800-190.json']);
  });

  it.each(BUNDLE_FILES)('%s validates with no problem and maps every image', async (file) => {
    const { bundle, problems } = await loadBundle(join(POLICIES_DIR, file));
    expect(problems).toEqual([]);
    expect(bundle?.mappings).toHaveLength(1);
    const [mapping] = bundle?.mappings ?? [];
    expect(mapping).toMatchObject({ registry: '*', repository: '*', image: { type: 'tag', value: '*' } });
    expect(mapping?.policy_ids).toEqual(bundle?.policies.map((p) => p.id));
  });

  it.each(BUNDLE_FILES)('%s: every rule id names a control its comment cites', (file) => {
    const rules = raw(file).policies.flatMap((p) => p.rules);
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) {
      const cited = citation(rule);
      expect(cited, `rule ${String(rule.id)} names no NIST or CIS control`).toBeDefined();
      expect(rule.comment, `rule ${String(rule.id)}`).toEqual(
        expect.stringContaining(cited?.expected ?? '?'),
      );
    }
    const ids = rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('nist-800-190 covers each countermeasure of §4.1.1 to §4.1.5', () => {
    const controls = new Set(
      raw('nist-800-190.json').policies.flatMap((p) => p.rules.map((r) => citation(r)?.control)),
    );
    expect([...controls].sort()).toEqual(['4.1.1', '4.1.2', '4.1.3', '4.1.4', '4.1.5']);
  });

  it('cis-docker covers recommendations 4.1, 4.2, 4.3, 4.6, 4.7, 4.8, 4.9 and 4.10', () => {
    const controls = new Set(
      raw('cis-docker.json').policies.flatMap((p) => p.rules.map((r) => citation(r)?.control)),
    );
    expect([...controls].sort()).toEqual(['4.1', '4.10', '4.2', '4.3', '4.6', '4.7', '4.8', '4.9']);
  });
});

describe('starter bundles on the polyglot image', () => {
  let sbom: Sbom;
  const results = new Map<string, EvaluationResult>();

  beforeAll(async () => {
    const { polyglot } = getTestImages().images;
    sbom = await generateSbom(`oci-dir:${polyglot.ociDir}:${polyglot.tag}`);
    for (const file of BUNDLE_FILES) {
      const { bundle } = await loadBundle(join(POLICIES_DIR, file));
      if (bundle) results.set(file, await evaluateBundle(bundle, { sbom }));
    }
  });

  const fired = (file: string, ruleId: string): string[] =>
    (results.get(file)?.findings ?? []).filter((f) => f.ruleId === ruleId).map((f) => f.message);

  it.each(BUNDLE_FILES)('%s stops the image (it leaks a private key)', (file) => {
    const result = results.get(file);
    expect(result?.finalAction).toBe('stop');
    expect(result?.finalActionReason).toBe('policy_evaluation');
    const secretRule =
      file === 'cis-docker.json' ? 'cis-docker-4.10-no-secrets' : 'nist-800-190-4.1.4-secrets';
    expect(fired(file, secretRule).some((m) => m.includes('/root/.ssh/id_rsa'))).toBe(true);
  });

  it('nist-800-190: exposed SSH port and the setuid shell fire, the non-root user does not', () => {
    const file = 'nist-800-190.json';
    expect(fired(file, 'nist-800-190-4.1.2-exposed-ssh')).toHaveLength(1);
    expect(fired(file, 'nist-800-190-4.1.2-exposed-ssh')[0]).toContain('22');
    expect(
      fired(file, 'nist-800-190-4.1.2-setuid-setgid').some((m) => m.includes('/usr/local/bin/suid-sh')),
    ).toBe(true);
    expect(fired(file, 'nist-800-190-4.1.2-root-user')).toEqual([]);
    expect(fired(file, 'nist-800-190-4.1.3-malware-scan-not-run')).toHaveLength(1);
    expect(fired(file, 'nist-800-190-4.1.5-trusted-registries')).toHaveLength(1);
  });

  it('cis-docker: the setuid shell fires 4.8; no supplied Dockerfile means no ADD warning', () => {
    const file = 'cis-docker.json';
    expect(
      fired(file, 'cis-docker-4.8-setuid-setgid').some((m) => m.includes('/usr/local/bin/suid-sh')),
    ).toBe(true);
    expect(fired(file, 'cis-docker-4.1-non-root-user')).toEqual([]);
    expect(fired(file, 'cis-docker-4.9-copy-not-add')).toEqual([]);
  });

  it('default: the leaked key stops, the image does not run as root', () => {
    const file = 'default.json';
    expect(fired(file, 'cis-docker-4.1-root-user')).toEqual([]);
    expect(fired(file, 'cis-docker-4.6-healthcheck')).toEqual([]);
    const actions = new Set((results.get(file)?.findings ?? []).map((f) => `${f.ruleId}:${f.action}`));
    expect(actions.has('nist-800-190-4.1.4-secrets:stop')).toBe(true);
  });
});

describe('cis-docker Dockerfile rules on a supplied Dockerfile', () => {
  const dockerfile = [
    'FROM debian:12',
    'RUN apt-get update',
    'RUN apt-get update && apt-get install -y curl',
    'RUN apk --no-cache update',
    'ADD --chown=app https://example.org/tool.tgz /opt/',
    'ADD app.tgz /srv/',
    'USER app',
  ].join('\n');

  it('4.7 fires on update-only RUN lines, 4.9 warns on every ADD and stops a remote one', async () => {
    const { bundle } = await loadBundle(join(POLICIES_DIR, 'cis-docker.json'));
    if (!bundle) throw new Error('cis-docker.json did not load');
    const result = await evaluateBundle(bundle, { sbom: policySbom(), dockerfile });
    const by = (ruleId: string): string[] =>
      result.findings.filter((f) => f.ruleId === ruleId).map((f) => `${f.action} ${f.message}`);
    expect(by('cis-docker-4.7-update-alone').map((m) => m.split(' (check')[0])).toEqual([
      'warn Dockerfile RUN apt-get update',
      'warn Dockerfile RUN apk --no-cache update',
    ]);
    expect(by('cis-docker-4.9-copy-not-add')).toHaveLength(2);
    expect(by('cis-docker-4.9-no-remote-add').map((m) => m.split(' (check')[0])).toEqual([
      'stop Dockerfile ADD --chown=app https://example.org/tool.tgz /opt/',
    ]);
  });
});
