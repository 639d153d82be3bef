// Small process/filesystem helpers for the test-image builder. Node built-ins only.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export class BuildError extends Error {}

/** Child processes currently running, so a signal handler can stop them. */
const active = new Set();

export function killChildren(signal = 'SIGTERM') {
  for (const c of active) {
    try {
      // Children run in their own process group, so this also stops their descendants
      // (debootstrap → chroot dpkg …).
      if (c.pid) process.kill(-c.pid, signal);
      else c.kill(signal);
    } catch {
      // already gone
    }
  }
}

export function log(msg) {
  process.stderr.write(`test images: ${msg}\n`);
}

/**
 * Runs a command, capturing its output; throws BuildError with the last stderr lines on failure.
 * @param {string} cmd
 * @param {string[]} args
 * @param {{ cwd?: string, input?: Buffer | string, env?: NodeJS.ProcessEnv }} [opts]
 * @returns {Promise<Buffer>} stdout
 */
export function run(cmd, args, opts = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd: opts.cwd,
      env: opts.env ?? process.env,
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: true, // own process group; see killChildren
    });
    active.add(child);
    const out = [];
    const err = [];
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => err.push(d));
    child.on('error', (e) => {
      active.delete(child);
      reject(new BuildError(`cannot run ${cmd}: ${e.message}`));
    });
    child.on('close', (code, signal) => {
      active.delete(child);
      if (code === 0) {
        resolve(Buffer.concat(out));
        return;
      }
      const tail = Buffer.concat(err).toString('utf8').trim().split('\n').slice(-3).join(' | ');
      reject(
        new BuildError(
          `${cmd} ${args.slice(0, 4).join(' ')}${args.length > 4 ? ' …' : ''} failed (${
            signal ?? `exit ${code}`
          })${tail ? `: ${tail}` : ''}`,
        ),
      );
    });
    if (opts.input !== undefined) child.stdin.end(opts.input);
    else child.stdin.end();
  });
}

/** Absolute paths of mount points at or below `dir` (deepest first). */
export function mountsUnder(dir) {
  let text = '';
  try {
    text = fs.readFileSync('/proc/self/mounts', 'utf8');
  } catch {
    return [];
  }
  const prefix = dir.endsWith('/') ? dir : `${dir}/`;
  return text
    .split('\n')
    .map((l) => l.split(' ')[1])
    .filter((m) => m !== undefined)
    .map((m) => m.replace(/\\040/g, ' '))
    .filter((m) => m === dir || m.startsWith(prefix))
    .sort((a, b) => b.length - a.length);
}

/**
 * Removes a directory tree safely: unmounts anything debootstrap may have left mounted below it
 * (an interrupted debootstrap leaves /proc and /sys mounted), and never crosses file systems.
 */
export function removeTree(dir) {
  if (!fs.existsSync(dir)) return;
  for (const m of mountsUnder(dir)) {
    spawnSync('umount', ['-l', m], { stdio: 'ignore' });
  }
  if (mountsUnder(dir).length > 0) {
    throw new BuildError(`refusing to delete ${dir}: it still has mounts below it`);
  }
  const r = spawnSync('rm', ['-rf', '--one-file-system', dir], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  if (r.status !== 0) {
    throw new BuildError(`cannot remove ${dir}: ${String(r.stderr).trim()}`);
  }
}

export function ensureDir(dir) {
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

export function join(...p) {
  return path.join(...p);
}
