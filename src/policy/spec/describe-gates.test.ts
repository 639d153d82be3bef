import { describe, expect, it } from 'vitest';
import { REFERENCE_GATES } from '../bundle/testdata/reference-gates.js';
import { describeGates } from './describe-gates.js';
import { specTable } from './spec-table.js';

describe('describeGates', () => {
  const spec = describeGates(REFERENCE_GATES);

  it('survives a JSON round trip unchanged (plain data only)', () => {
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
    expect(spec.bundleVersion).toBe('1_0');
  });

  it('describes params with type, requirement, enum values, defaults and aliases', () => {
    const vulns = spec.gates.find((g) => g.name === 'vulnerabilities');
    const pkg = vulns?.triggers.find((t) => t.name === 'package');
    expect(pkg?.params.find((p) => p.name === 'severity_comparison')).toEqual({
      name: 'severity_comparison',
      type: 'enum',
      required: false,
      description: 'the severity_comparison',
      values: ['=', '!=', '<', '>', '<=', '>='],
      default: '>',
    });
    expect(pkg?.params.find((p) => p.name === 'package_type')?.required).toBe(true);
    const passwd = spec.gates.find((g) => g.name === 'passwd_file')?.triggers[0]?.params[0];
    expect(passwd?.aliases).toEqual(['usernameblacklist']);
    expect(passwd).not.toHaveProperty('default');
  });

  it('lists end-of-life gates with their state and no triggers', () => {
    const eol = spec.gates.filter((g) => g.state === 'eol').map((g) => g.name);
    expect(eol).toContain('anchoresec');
    expect(eol).toHaveLength(14);
    expect(spec.gates.find((g) => g.name === 'imagecheck')?.triggers).toEqual([]);
  });
});

describe('specTable', () => {
  const table = specTable(describeGates(REFERENCE_GATES));
  const lines = table.trimEnd().split('\n');

  it('has a header and one aligned line per parameter or parameterless trigger', () => {
    expect(lines[0]).toMatch(/^GATE\s+TRIGGER\s+PARAMETER\s+TYPE\s+REQUIRED\s+DEFAULT \/ VALUES$/);
    expect(lines).toContainEqual(expect.stringMatching(/^always\s+always\s+-\s+-\s+-\s+-$/));
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^vulnerabilities\s+package\s+severity\s+enum\s+no\s+default unknown; unknown\|negligible\|low\|medium\|high\|critical$/,
      ),
    );
    expect(lines).toContainEqual(expect.stringMatching(/^anchoresec \(eol\)\s+-/));
    const column = lines[0]!.indexOf('TRIGGER');
    expect(lines.every((l) => l.length <= column || l[column - 1] === ' ')).toBe(true);
  });
});
