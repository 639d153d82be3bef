import { describe, expect, it } from 'vitest';
import { parseStatement, summariseStatement } from './in-toto-statement.js';

const statement = (predicateType: string, predicate: unknown): Buffer =>
  Buffer.from(
    JSON.stringify({
      _type: 'https://in-toto.io/Statement/v0.1',
      subject: [{ name: 'x', digest: { sha256: 'AB'.repeat(32) } }],
      predicateType,
      predicate,
    }),
  );

function summary(predicateType: string, predicate: unknown) {
  const parsed = parseStatement(statement(predicateType, predicate));
  if (typeof parsed === 'string') throw new Error(parsed);
  return summariseStatement(parsed);
}

describe('in-toto statements', () => {
  it('reads subjects as lower-case algorithm:hex', () => {
    const parsed = parseStatement(statement('x', {}));
    expect(parsed).toMatchObject({ predicateType: 'x', subjectDigests: [`sha256:${'ab'.repeat(32)}`] });
  });

  it('says what is wrong with a document that is not a statement', () => {
    expect(parseStatement(Buffer.from('nope'))).toBe('the statement is not JSON');
    expect(parseStatement(Buffer.from('{"subject":[]}'))).toBe('the statement has no predicateType');
  });

  it('summarises SLSA provenance v0.2 and v1', () => {
    expect(
      summary('https://slsa.dev/provenance/v0.2', {
        builder: { id: 'https://github.com/actions/runner' },
        buildType: 'https://github.com/Attestations/GitHubActionsWorkflow@v1',
        materials: Array.from({ length: 25 }, (_, i) => ({ uri: `git+https://x/${i}` })),
      }),
    ).toMatchObject({
      kind: 'slsa-provenance',
      builderId: 'https://github.com/actions/runner',
      materialCount: 25,
    });
    const v1 = summary('https://slsa.dev/provenance/v1', {
      buildDefinition: { buildType: 'bt', resolvedDependencies: [{ uri: 'pkg:a' }, { digest: {} }] },
      runDetails: { builder: { id: 'b' } },
    });
    expect(v1).toEqual({
      kind: 'slsa-provenance',
      builderId: 'b',
      buildType: 'bt',
      materials: ['pkg:a'],
      materialCount: 2,
    });
  });

  it('keeps the first 20 materials', () => {
    const s = summary('https://slsa.dev/provenance/v0.2', {
      materials: Array.from({ length: 25 }, (_, i) => ({ uri: `m${i}` })),
    });
    expect(s.materials).toHaveLength(20);
  });

  it('summarises SPDX (plain and as cosign wraps it) and CycloneDX', () => {
    expect(summary('https://spdx.dev/Document', { name: 'doc', packages: [{}, {}] })).toEqual({
      kind: 'spdx',
      documentName: 'doc',
      packageCount: 2,
    });
    expect(
      summary('https://spdx.dev/Document', { Data: JSON.stringify({ name: 'wrapped', packages: [{}] }) }),
    ).toEqual({ kind: 'spdx', documentName: 'wrapped', packageCount: 1 });
    expect(
      summary('https://cyclonedx.org/bom', {
        metadata: { component: { name: 'app' } },
        components: [{}, {}, {}],
      }),
    ).toEqual({ kind: 'cyclonedx', documentName: 'app', packageCount: 3 });
    expect(summary('https://example.com/custom', {})).toEqual({ kind: 'other' });
  });
});
