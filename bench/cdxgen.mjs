// cdxgen (CycloneDX's own generator, a Node.js tool) for the comparison row of `npm run bench`:
// $CDXGEN, or cdxgen on PATH, or installed once from npm into the bench cache.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

function onPath(name) {
  const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

/** Path of a cdxgen executable, or undefined (with the reason on stderr) when none can be had. */
export function findCdxgen(cacheRoot) {
  if (process.env.CDXGEN) return process.env.CDXGEN;
  const found = onPath('cdxgen');
  if (found) return found;
  const dir = join(cacheRoot, 'bench-cdxgen');
  const bin = join(dir, 'node_modules', '.bin', 'cdxgen');
  if (existsSync(bin)) return bin;
  mkdirSync(dir, { recursive: true });
  process.stderr.write('bench: installing cdxgen from npm for the comparison (once)…\n');
  const r = spawnSync(
    'npm',
    ['install', '--prefix', dir, '--no-audit', '--no-fund', '@cyclonedx/cdxgen@12'],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
      encoding: 'utf8',
    },
  );
  if (r.status !== 0 || !existsSync(bin)) {
    process.stderr.write(
      `bench: cdxgen unavailable, comparison skipped (${(r.stderr ?? '').split('\n')[0]})\n`,
    );
    return undefined;
  }
  return bin;
}

/** Runs cdxgen on an image archive once; its time, peak memory and component count. */
export function timeCdxgen(cdxgen, archive, outFile) {
  const start = process.hrtime.bigint();
  const args = [cdxgen, '-t', 'docker', archive, '-o', outFile];
  const timed = existsSync('/usr/bin/time');
  const r = spawnSync(timed ? '/usr/bin/time' : args[0], timed ? ['-f', '%M', ...args] : args.slice(1), {
    encoding: 'utf8',
    env: { ...process.env, FETCH_LICENSE: 'false', CDXGEN_TELEMETRY: 'off' },
    maxBuffer: 256 << 20,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0 || !existsSync(outFile)) return undefined;
  const lines = r.stderr.trim().split('\n');
  const maxRssKb = timed ? Number(lines[lines.length - 1]) : NaN;
  const components = JSON.parse(readFileSync(outFile, 'utf8')).components?.length ?? 0;
  return { ms, maxRssKb: Number.isFinite(maxRssKb) ? maxRssKb : undefined, components };
}
