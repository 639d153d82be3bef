import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { workedExample } from '../policy/bundle/testdata/worked-example.js';
import { BundleDocumentSchema } from './bundle.js';
import { fitsShape, shapeProblems } from './shape-problems.js';

const starter = (name: string): unknown =>
  JSON.parse(readFileSync(fileURLToPath(new URL(`../../policies/${name}.json`, import.meta.url)), 'utf8'));

describe('the bundle schema', () => {
  it.each(['default', 'nist-800-190', 'cis-docker'])('fits the starter bundle %s', (name) => {
    expect(shapeProblems(BundleDocumentSchema, starter(name))).toEqual([]);
  });

  it('fits the Anchore worked example', () => {
    expect(fitsShape(BundleDocumentSchema, workedExample())).toBe(true);
  });

  it('says what is wrong in its own words, one problem per path, with the value found', () => {
    const problems = shapeProblems(BundleDocumentSchema, {
      id: 7,
      policies: [{ id: 'p', rules: [{ gate: 'always', trigger: 'always', action: 'halt', params: [5] }] }],
      mappings: {},
      grade: { days: [1, 'x'] },
    });
    expect(problems.map((p) => [p.path, p.message, p.value])).toEqual([
      ['$.version', 'missing required field "version" (must be "1_0")', undefined],
      ['$.id', '"id" must be a non-empty string', 7],
      ['$.policies[0].rules[0].action', 'action must be STOP, WARN or GO', 'halt'],
      ['$.policies[0].rules[0].params[0]', 'a parameter must be a {name, value} object', 5],
      ['$.mappings', '"mappings" must be a list', {}],
      [
        '$.grade.days',
        'grade days must be four non-negative whole numbers in order, the bounds for B, C, D and E',
        [1, 'x'],
      ],
    ]);
  });
});
