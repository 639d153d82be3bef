// Policy bundles (JSON and YAML text) through the loader: every problem is reported with its path,
// nothing throws except a one-line error for a document that is not a bundle at all.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { GATES } from '../../../src/policy/gates/registry.js';
import { readBundle } from '../../../src/policy/bundle/read-bundle.js';
import { readBundleDocument } from '../../../src/policy/bundle/read-document.js';
import type { FuzzSeed, FuzzTarget } from '../harness.js';

const POLICIES = fileURLToPath(new URL('../../../policies', import.meta.url));

export const policyBundleTarget: FuzzTarget = {
  name: 'policy-bundle',
  seeds(): FuzzSeed[] {
    return readdirSync(POLICIES)
      .filter((n) => n.endsWith('.json') || n.endsWith('.yaml'))
      .map((n) => ({ input: readFileSync(join(POLICIES, n)), path: n }));
  },
  run(input: Buffer, path?: string): void {
    const document = readBundleDocument(input.toString('utf8'), path ?? 'bundle.json');
    readBundle(document, GATES);
  },
};
