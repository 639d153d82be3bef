import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/helpers/temp-dir.js';
import { sampleReport } from '../testdata/sample-report.js';
import { junitReport } from './junit-report.js';

const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;

describe('junit report', () => {
  const xml = junitReport.encode(sampleReport());

  it('one failing test case per match, counted in the suite', () => {
    expect(xml).toMatch(/<testsuite [^>]*tests="2" failures="2"/);
    expect((xml.match(/<testcase /g) ?? []).length).toBe(2);
    expect(xml).toContain('<failure message="CVE-2023-4911 high in');
  });

  it('escapes what the data says (no markup injection)', () => {
    expect(xml).not.toContain('<script>');
  });

  it.skipIf(!hasXmllint)('is well-formed XML', () => {
    const file = path.join(tempDir(), 'junit.xml');
    writeFileSync(file, xml);
    const r = spawnSync('xmllint', ['--noout', file], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('a clean image is one passing case', () => {
    const clean = junitReport.encode({ ...sampleReport(), matches: [] });
    expect(clean).toMatch(/tests="1" failures="0"/);
    expect(clean).not.toContain('<failure');
  });
});
