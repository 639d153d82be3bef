// Oracle: Python's own importlib.metadata over an image root's dist-packages (run by the host's
// python3; the metadata format is the same whatever interpreter reads it).
import { execFileSync } from 'node:child_process';
import path from 'node:path';

export interface PythonDistribution {
  name: string;
  version: string;
  /** Directory of the distribution's metadata (`*.dist-info` / `*.egg-info`), relative to the root. */
  metadataPath: string;
}

const SCRIPT = `
import json, sys
from importlib.metadata import distributions
out = []
for d in distributions(path=sys.argv[1:]):
    name = d.metadata['Name']
    if name is None:
        continue
    out.append({'name': name, 'version': d.version, 'path': str(getattr(d, '_path', ''))})
print(json.dumps(out))
`;

/** Distributions importlib.metadata finds in the given directories of `rootfs`. */
export function pythonDistributions(
  rootfs: string,
  dirs: readonly string[] = ['/usr/lib/python3/dist-packages'],
): PythonDistribution[] {
  const abs = dirs.map((d) => path.join(rootfs, d));
  const out = execFileSync('python3', ['-c', SCRIPT, ...abs], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const raw = JSON.parse(out) as { name: string; version: string; path: string }[];
  const seen = new Set<string>();
  const result: PythonDistribution[] = [];
  for (const d of raw) {
    const key = `${d.name.toLowerCase()}\u0000${d.version}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push({ name: d.name, version: d.version, metadataPath: `/${path.relative(rootfs, d.path)}` });
  }
  return result.sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()));
}
