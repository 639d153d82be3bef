import { describe, expect, it } from 'vitest';
import { parseVex } from './index.js';

describe('VEX documents', () => {
  it('reads OpenVEX statements with products, subcomponents and aliases', () => {
    const [statement] = parseVex(
      JSON.stringify({
        '@context': 'https://openvex.dev/ns/v0.2.0',
        statements: [
          {
            vulnerability: { name: 'CVE-1', aliases: ['GHSA-1'] },
            products: [
              { '@id': 'pkg:oci/x@sha256%3Aab', subcomponents: [{ '@id': 'pkg:deb/debian/glibc' }] },
            ],
            status: 'fixed',
          },
        ],
      }),
      'v.json',
    );
    expect(statement).toEqual({
      ids: ['CVE-1', 'GHSA-1'],
      products: ['pkg:oci/x@sha256%3Aab'],
      subcomponents: ['pkg:deb/debian/glibc'],
      status: 'fixed',
      label: 'v.json#1',
    });
  });

  it('maps CycloneDX analysis states and skips vulnerabilities without analysis', () => {
    const statements = parseVex(
      JSON.stringify({
        bomFormat: 'CycloneDX',
        vulnerabilities: [
          { id: 'CVE-1', analysis: { state: 'false_positive' }, affects: [{ ref: 'pkg:npm/a@1' }] },
          { id: 'CVE-2', analysis: { state: 'in_triage' }, affects: [] },
          { id: 'CVE-3' },
        ],
      }),
      'c.json',
    );
    expect(statements.map((s) => [s.ids[0], s.status, s.products])).toEqual([
      ['CVE-1', 'not_affected', ['pkg:npm/a@1']],
      ['CVE-2', 'under_investigation', []],
    ]);
  });

  it.each([
    ['{', 'not JSON'],
    ['{"hello":1}', 'neither an OpenVEX document nor a CycloneDX document'],
    [
      '{"@context":"https://openvex.dev/ns/v0.2.0","statements":[{"vulnerability":{"name":"C"},"status":"maybe"}]}',
      'status "maybe"',
    ],
  ])('%s → usage error', (text, message) => {
    expect(() => parseVex(text, 'bad.json')).toThrow(message);
  });

  it('names every problem of the document in one error, each at its entry', () => {
    const openvex = JSON.stringify({
      '@context': 'https://openvex.dev/ns/v0.2.0',
      statements: [
        { vulnerability: 'CVE-1', status: 'maybe' },
        5,
        { vulnerability: 'CVE-3', status: 'fixed' },
        { vulnerability: 'CVE-4' },
      ],
    });
    expect(() => parseVex(openvex, 'v.json')).toThrow(
      '--vex v.json#1: status "maybe" is not one of not_affected, fixed, affected, under_investigation; v.json#2: a statement must be an object; v.json#4: the statement needs a status (not_affected, fixed, affected, under_investigation)',
    );
    const cdx = JSON.stringify({
      bomFormat: 'CycloneDX',
      vulnerabilities: [
        { analysis: { state: 'exploitable' } },
        { id: 'CVE-2', analysis: { state: 'bogus' } },
      ],
    });
    expect(() => parseVex(cdx, 'c.json')).toThrow(
      '--vex c.json#1: a vulnerability needs an id; c.json#2: analysis state "bogus" is not a CycloneDX state',
    );
  });
});
