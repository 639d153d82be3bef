import { describe, expect, it } from 'vitest';
import { isExpired, parseIgnoreRules } from './index.js';

describe('ignore files', () => {
  it('reads YAML and JSON, with or without the ignore key', () => {
    const yaml = parseIgnoreRules('ignore:\n  - vulnerability: CVE-1\n    fix-state: wont-fix\n', 'a.yaml');
    expect(yaml).toEqual([{ label: 'a.yaml#1', vulnerability: 'CVE-1', fixState: 'wont-fix' }]);
    const json = parseIgnoreRules('[{"package":{"name":"glibc","type":"deb"}}]', 'b.json');
    expect(json).toEqual([{ label: 'b.json#1', package: { name: 'glibc', type: 'deb' } }]);
    expect(parseIgnoreRules('', 'empty.yaml')).toEqual([]);
  });

  it.each([
    ['ignore:\n  - vulnerabilty: CVE-1\n', 'x.yaml#1: unknown key "vulnerabilty"'],
    ['ignore:\n  - reason: because\n', 'needs a vulnerability, package or fix-state'],
    ['ignore:\n  - vulnerability: CVE-1\n    expires: next week\n', 'is not a date (YYYY-MM-DD)'],
    ['ignore:\n  - fix-state: maybe\n', 'fix-state "maybe" is not one of'],
    ['ignore:\n  - package: { type: cargo }\n', 'package type "cargo" is not one of'],
    ['rules: []\n', 'expected "ignore:" followed by a list of rules'],
    ['ignore: [\n', 'not YAML or JSON'],
  ])('%j → one actionable line', (text, message) => {
    expect(() => parseIgnoreRules(text, 'x.yaml')).toThrow(message);
  });

  it('a rule expires after its day', () => {
    const [rule] = parseIgnoreRules('- vulnerability: CVE-1\n  expires: 2026-06-15\n', 'x');
    expect(isExpired(rule!, new Date('2026-06-15T23:59:59Z'))).toBe(false);
    expect(isExpired(rule!, new Date('2026-06-16T00:00:00Z'))).toBe(true);
  });
});

describe('ignore file problems', () => {
  it('names every problem of every rule in one line', () => {
    const text =
      'ignore:\n  - vulnerabilty: CVE-1\n  - vulnerability: CVE-2\n  - fix-state: maybe\n    package: { type: cargo, colour: red }\n';
    expect(() => parseIgnoreRules(text, 'x.yaml')).toThrow(
      '--ignore x.yaml#1: unknown key "vulnerabilty" (use vulnerability, package, fix-state, expires, reason); x.yaml#3: unknown package key "colour" (use name, version, type, location); package type "cargo" is not one of deb, apk, rpm, npm, python, gem, java, go, rust, php, dotnet, binary; fix-state "maybe" is not one of fixed, not-fixed, wont-fix, not-affected',
    );
  });
});
