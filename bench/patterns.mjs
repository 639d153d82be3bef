// Policy bundles with 100,000 user patterns: `policy validate` and `check` (on an SBOM, no
// database) with `regexp:` mappings, with the same mappings as globs (what reading a bundle of
// that size costs anyway), and with 100,000 `regexp:` allowlist items. Patterns run on the
// linear-time engine; a plain one is compiled only when an evaluation reaches it.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));
const bin = join(repo, 'bin/customs');
const COUNT = 100_000;

function run(args) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`customs ${args[0]} failed: ${r.stderr}`);
  return ms;
}

function bundles(dir) {
  const base = JSON.parse(readFileSync(join(repo, 'policies/default.json'), 'utf8'));
  const policyIds = base.mappings[0].policy_ids;
  const mapping = (i, regexp) => ({
    id: `m${i}`,
    registry: `registry${i}.example.com`,
    repository: regexp ? `regexp:team${i}/(app|svc)-[a-z]+` : `team${i}/*`,
    image: { type: 'tag', value: regexp ? `regexp:v${i}\\.[0-9]+` : `v${i}.*` },
    policy_ids: policyIds,
  });
  const write = (name, doc) => {
    const file = join(dir, `${name}.json`);
    writeFileSync(file, JSON.stringify(doc));
    return file;
  };
  const withMappings = (regexp) => ({
    ...base,
    mappings: [...Array.from({ length: COUNT }, (_, i) => mapping(i, regexp)), ...base.mappings],
  });
  const allowlist = {
    id: 'big',
    name: 'big',
    version: '1_0',
    items: Array.from({ length: COUNT }, (_, i) => ({
      id: `a${i}`,
      gate: 'vulnerabilities',
      trigger_id: `regexp:CVE-${i}-[0-9]+\\+.*`,
    })),
  };
  return {
    regexp: write('regexp-mappings', withMappings(true)),
    glob: write('glob-mappings', withMappings(false)),
    allowlist: write('regexp-allowlist', {
      ...base,
      whitelists: [allowlist],
      mappings: base.mappings.map((m) => ({ ...m, whitelist_ids: ['big'] })),
    }),
  };
}

export function patternsBench(imageRef, workDir, runs = 3) {
  mkdirSync(workDir, { recursive: true });
  const files = bundles(workDir);
  const sbom = join(workDir, 'image.sbom.json');
  run(['sbom', imageRef, '-o', `json=${sbom}`, '-q']);
  const last = COUNT - 1;
  const tag = `registry${last}.example.com/team${last}/app-x:v${last}.1`;
  const median = (f) => {
    const xs = Array.from({ length: runs }, f).sort((a, b) => a - b);
    return xs[Math.floor(runs / 2)].toFixed(0);
  };
  const check = (file) =>
    median(() => run(['check', `sbom:${sbom}`, '--policy', file, '--ignore-db', '--tag', tag, '-q']));
  const validate = (file) => median(() => run(['policy', 'validate', file]));
  const rows = [
    {
      bundle: `${COUNT} regexp: mappings`,
      'validate ms': validate(files.regexp),
      'check ms (last mapping)': check(files.regexp),
    },
    {
      bundle: `${COUNT} glob mappings`,
      'validate ms': validate(files.glob),
      'check ms (last mapping)': check(files.glob),
    },
    {
      bundle: `${COUNT} regexp: allowlist items`,
      'validate ms': validate(files.allowlist),
      'check ms (last mapping)': check(files.allowlist),
    },
  ];
  console.log(`\npolicy bundles with ${COUNT} patterns (median of ${runs} runs)`);
  console.table(rows);
}
