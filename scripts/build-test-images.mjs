#!/usr/bin/env node
// Builds the real container images the test suite scans, without a container daemon:
// debootstrap → umoci (OCI layout) → skopeo (archives) plus a few hand-made layers.
// Idempotent: the result is cached under $CUSTOMS_TEST_CACHE (default ~/.cache/customs-test)
// in images-v2/, which appears atomically (built in a temp dir, renamed into place at the end).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { buildAll } from './test-images/build.mjs';
import { BuildError, killChildren, log, removeTree } from './test-images/util.mjs';

const CACHE_ROOT = path.resolve(
  process.env.CUSTOMS_TEST_CACHE || path.join(os.homedir(), '.cache', 'customs-test'),
);
const FINAL = path.join(CACHE_ROOT, 'images-v2');
const MARKER = path.join(FINAL, 'images.json');
const LOCK = path.join(CACHE_ROOT, 'images-v2.lock');
const TMP_PREFIX = 'images-v2.tmp-';
const LOCK_WAIT_MS = 20 * 60 * 1000;
const REQUIRED_TOOLS = [
  'debootstrap',
  'umoci',
  'skopeo',
  'zstd',
  'tar',
  'chroot',
  'npm',
  'jar',
  'ssh-keygen',
];

let lockHeld = false;
let tmpDir = '';

function fail(message) {
  process.stderr.write(`test images: FAILED: ${message}\n`);
  process.exit(1);
}

function cachedLine() {
  process.stderr.write(`test images: cached at ${FINAL}\n`);
}

function onPath(tool) {
  const dirs = (process.env.PATH || '/usr/bin:/bin').split(':');
  for (const d of [...dirs, '/usr/sbin', '/sbin']) {
    try {
      fs.accessSync(path.join(d, tool), fs.constants.X_OK);
      return true;
    } catch {
      // keep looking
    }
  }
  return false;
}

function pidAlive(pid) {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

async function acquireLock() {
  const start = Date.now();
  let announced = false;
  for (;;) {
    try {
      const fd = fs.openSync(LOCK, 'wx');
      fs.writeSync(fd, `${process.pid}\n`);
      fs.closeSync(fd);
      lockHeld = true;
      return;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
    }
    let owner = NaN;
    try {
      owner = Number.parseInt(fs.readFileSync(LOCK, 'utf8').trim(), 10);
    } catch {
      continue; // lock vanished between open and read; retry
    }
    if (!pidAlive(owner)) {
      // Stale lock from a killed build. Several waiters may race here; only one unlink wins
      // and the 'wx' open above arbitrates who gets the lock afterwards.
      try {
        fs.unlinkSync(LOCK);
      } catch {
        // someone else removed it
      }
      continue;
    }
    if (!announced) {
      log(`waiting for another build (pid ${owner}) holding ${LOCK}`);
      announced = true;
    }
    if (Date.now() - start > LOCK_WAIT_MS) {
      throw new BuildError(`timed out waiting for lock ${LOCK} held by pid ${owner}`);
    }
    await sleep(1000);
  }
}

function releaseLock() {
  if (!lockHeld) return;
  lockHeld = false;
  try {
    fs.unlinkSync(LOCK);
  } catch {
    // ignore
  }
}

/** Removes leftovers of killed builds. Only called while holding the lock. */
function cleanStale() {
  for (const name of fs.readdirSync(CACHE_ROOT)) {
    if (name.startsWith(TMP_PREFIX)) {
      log(`removing leftovers of an interrupted build: ${name}`);
      removeTree(path.join(CACHE_ROOT, name));
    }
  }
  if (fs.existsSync(FINAL) && !fs.existsSync(MARKER)) {
    log(`removing incomplete ${FINAL}`);
    removeTree(FINAL);
  }
}

function onSignal(sig) {
  process.on(sig, () => {
    process.stderr.write(`test images: interrupted (${sig}); partial build left for cleanup\n`);
    killChildren('SIGTERM');
    releaseLock();
    process.exit(128 + (sig === 'SIGINT' ? 2 : 15));
  });
}

async function main() {
  if (fs.existsSync(MARKER)) {
    cachedLine();
    return;
  }
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    fail('building the test images needs root (debootstrap); run `sudo npm run test-images` once');
  }
  const missing = REQUIRED_TOOLS.filter((t) => !onPath(t));
  if (missing.length > 0) {
    fail(`missing tools: ${missing.join(', ')} (run: node scripts/ensure-test-tools.mjs)`);
  }
  fs.mkdirSync(CACHE_ROOT, { recursive: true });
  onSignal('SIGINT');
  onSignal('SIGTERM');
  await acquireLock();
  try {
    if (fs.existsSync(MARKER)) {
      cachedLine(); // a concurrent run finished it while we waited
      return;
    }
    cleanStale();
    tmpDir = path.join(CACHE_ROOT, `${TMP_PREFIX}${process.pid}`);
    fs.mkdirSync(tmpDir);
    const started = Date.now();
    log(`building in ${tmpDir}`);
    await buildAll({ buildDir: tmpDir, finalDir: FINAL });
    fs.renameSync(tmpDir, FINAL);
    tmpDir = '';
    log(`done in ${Math.round((Date.now() - started) / 1000)} s: ${MARKER}`);
  } finally {
    releaseLock();
  }
}

main().catch((e) => {
  releaseLock();
  const msg = e instanceof BuildError ? e.message : e?.stack || String(e);
  fail(`${msg}${tmpDir ? ` (partial build in ${tmpDir} is removed on the next run)` : ''}`);
});
