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
});
