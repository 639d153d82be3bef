// `checkImage` with a bundle whose rules name the scap gate: the SCAP content is evaluated
// against the image before the gates run, and its failed rules become findings.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkImage } from '../../src/usecases/index.js';
import { tempDir } from '../helpers/temp-dir.js';
import { everyImageBundle } from '../helpers/use-case-fixtures.js';

const DS = fileURLToPath(new URL('../../src/scap/xccdf/testdata/small-ds.xml', import.meta.url));
const dir = tempDir('customs-check-scap-');

function root(files: Record<string, string>): string {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return `dir:${dir}`;
}

const rule = (severity?: string) => ({
  id: 'scap-strict',
  gate: 'scap',
  trigger: 'rule_failed',
  action: 'STOP',
  params: [
    { name: 'content', value: DS },
    { name: 'profile', value: 'strict' },
    ...(severity ? [{ name: 'severity', value: severity }] : []),
  ],
});

describe('checkImage with the scap gate', () => {
  const image = root({
    'etc/login.defs': 'PASS_MAX_DAYS 90\n',
    'etc/ssh/sshd_config': 'PermitRootLogin no\n',
  });

  it('stops on a failed rule', async () => {
    const { result } = await checkImage(image, { document: everyImageBundle([rule()]), name: 'scap' });
    expect(result.finalAction).toBe('stop');
    expect(result.findings.map((f) => f.message)).toEqual([
      expect.stringMatching(
        /^SCAP rule xccdf_org\.test_rule_max_days failed \(severity medium, profile strict\)/,
      ),
    ]);
  });

  it('goes when the failed rules are below the minimum severity', async () => {
    const { result } = await checkImage(image, { document: everyImageBundle([rule('high')]), name: 'scap' });
    expect(result.findings).toEqual([]);
    expect(result.finalAction).toBe('go');
  });
});
