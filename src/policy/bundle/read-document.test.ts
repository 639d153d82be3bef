import { describe, expect, it } from 'vitest';
import { PolicyError } from '../../errors/index.js';
import { readBundleDocument } from './read-document.js';

describe('readBundleDocument', () => {
  it('reads JSON', () => {
    expect(readBundleDocument('\uFEFF{"id": "b", "version": "1_0"}\n', 'b.json')).toEqual({
      id: 'b',
      version: '1_0',
    });
  });

  it('reads YAML keeping every scalar as written', () => {
    const yaml = [
      'id: b',
      'version: 1_0',
      'policies:',
      '  - id: p',
      '    rules:',
      '      - gate: packages',
      '        params:',
      '          - {name: version, value: 1.10}',
      '          - {name: mode, value: 0755}',
      '          - {name: flag, value: true}',
    ].join('\n');
    const doc = readBundleDocument(yaml, 'b.yaml') as { policies: { rules: { params: unknown[] }[] }[] };
    expect(doc.policies[0]?.rules[0]?.params).toEqual([
      { name: 'version', value: '1.10' },
      { name: 'mode', value: '0755' },
      { name: 'flag', value: 'true' },
    ]);
  });

  it.each([
    ['', 'x.json is empty: expected a JSON or YAML policy bundle'],
    ['   \n', 'x.json is empty: expected a JSON or YAML policy bundle'],
    ['{"id": "b",', 'x.json is neither JSON nor YAML: '],
    ['key: [unclosed', 'x.json is neither JSON nor YAML: '],
    ['just some words', 'x.json is not a policy bundle: expected a JSON or YAML object at the top'],
    ['[1, 2]', 'x.json is not a policy bundle: expected a JSON or YAML object at the top'],
    ['42', 'x.json is not a policy bundle: expected a JSON or YAML object at the top'],
  ])('%j is a one-line PolicyError', (text, message) => {
    let caught: unknown;
    try {
      readBundleDocument(text, 'x.json');
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(PolicyError);
    const error = caught as PolicyError;
    expect(error.code).toBe('policy');
    expect(error.message.startsWith(message)).toBe(true);
    expect(error.message).not.toContain('\n');
  });

  it('rejects YAML with a duplicate key', () => {
    expect(() => readBundleDocument('id: a\nid: b\n', 'dup.yaml')).toThrow(
      /^dup\.yaml is neither JSON nor YAML: /,
    );
  });
});
