// The polyglot image: bookworm + OS packages carrying language modules, an npm app, a Go binary,
// Java apps, users, setuid/world-writable files and planted fake secrets — one layer per step,
// the way `docker build` of a real app image would stack them.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { copyLayout, loadImage, retag, updateImage } from './oci.mjs';
import { NPM_DEPENDENCIES, buildJavaApps, installNpmApp } from './polyglot-app.mjs';
import { BuildError, log, removeTree, run } from './util.mjs';

export const POLYGLOT_TAG = 'polyglot';
/** OS packages installed with the image's own apt (their dependencies come along). */
export const POLYGLOT_APT = [
  'python3-requests',
  'ruby',
  'ruby-rack',
  'node-lodash',
  'libcommons-lang3-java',
  'openssl',
  'busybox',
];
export const APP_DIR = '/srv/app';
export const GO_BINARY = '/usr/local/bin/umoci';
const HOST_GO_BINARY = '/usr/bin/umoci';
export const SETUID_PATH = '/usr/local/bin/suid-sh';
export const WORLD_WRITABLE_PATH = `${APP_DIR}/tmp/shared.txt`;
export const ENV_FILE = `${APP_DIR}/.env`;
export const PRIVATE_KEY = '/root/.ssh/id_rsa';
/** Fake: `ghp_` + 36 characters, shaped like a GitHub personal access token. */
export const FAKE_GITHUB_TOKEN = 'ghp_CustomsFakeToken0123456789abcdefABCD';
export const USERS = Object.freeze([
  { name: 'appuser', uid: 1000, shell: '/bin/bash', home: '/home/appuser', emptyPassword: false },
  { name: 'nopass', uid: 1001, shell: '/bin/sh', home: '/home/nopass', emptyPassword: true },
]);
export const EXPOSED_PORTS = ['22/tcp', '3000/tcp'];
const HEALTH_CMD = 'wget -q -O /dev/null http://127.0.0.1:3000/healthz || exit 1';
const NOP = '/bin/sh -c #(nop) ';
const CHROOT_ENV = [
  'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
  'HOME=/root',
  'LANG=C.UTF-8',
  'DEBIAN_FRONTEND=noninteractive',
];

/** Runs a command inside the root with a clean environment (no /proc needed for these steps). */
function chroot(root, args) {
  return run('chroot', [root, 'env', '-i', ...CHROOT_ENV, ...args]);
}

async function timed(msg, fn) {
  const t = Date.now();
  const r = await fn();
  log(`polyglot: ${msg}: ${((Date.now() - t) / 1000).toFixed(1)} s`);
  return r;
}

/** A Docker-like `dir:<hex>` name for a COPY history entry. */
function dirDigest(text) {
  return createHash('sha256').update(text).digest('hex');
}

async function aptInstall(r) {
  await chroot(r, ['apt-get', 'update', '-q']);
  await chroot(r, ['apt-get', 'install', '-y', '-q', '--no-install-recommends', ...POLYGLOT_APT]);
  await chroot(r, ['apt-get', 'clean']);
  const lists = path.join(r, 'var/lib/apt/lists');
  for (const f of fs.readdirSync(lists)) {
    if (f !== 'partial' && f !== 'lock') removeTree(path.join(lists, f));
  }
}

async function addUsers(r) {
  for (const u of USERS) {
    await chroot(r, ['useradd', '--create-home', '--uid', String(u.uid), '--shell', u.shell, u.name]);
    if (u.emptyPassword) await chroot(r, ['passwd', '--delete', u.name]);
  }
  const shadow = fs.readFileSync(path.join(r, 'etc/shadow'), 'utf8');
  if (!/^nopass::/m.test(shadow)) throw new BuildError('passwd -d left a password for nopass');
}

async function copyNpmApp(r, npmDir) {
  const app = path.join(r, APP_DIR);
  fs.mkdirSync(app, { recursive: true });
  await run('cp', ['-a', `${npmDir}/.`, app]);
  fs.writeFileSync(path.join(r, ENV_FILE), `NODE_ENV=production\nGITHUB_TOKEN=${FAKE_GITHUB_TOKEN}\n`);
  fs.chmodSync(path.join(r, ENV_FILE), 0o600);
  fs.mkdirSync(path.join(r, APP_DIR, 'tmp'));
  fs.writeFileSync(path.join(r, WORLD_WRITABLE_PATH), 'scratch space shared by every user\n');
  fs.chmodSync(path.join(r, WORLD_WRITABLE_PATH), 0o666);
  const appuser = USERS[0];
  await run('chown', ['-R', `${appuser.uid}:${appuser.uid}`, app]);
}

async function addRootFiles(r) {
  await run('cp', ['--dereference', path.join(r, 'bin/bash'), path.join(r, SETUID_PATH)]);
  fs.chmodSync(path.join(r, SETUID_PATH), 0o4755);
  const ssh = path.join(r, path.dirname(PRIVATE_KEY));
  fs.mkdirSync(ssh, { recursive: true, mode: 0o700 });
  fs.chmodSync(ssh, 0o700);
  await run('ssh-keygen', [
    '-q',
    '-t',
    'rsa',
    '-b',
    '2048',
    '-m',
    'PEM',
    '-N',
    '',
    '-C',
    'root@customs-polyglot',
    '-f',
    path.join(r, PRIVATE_KEY),
  ]);
}

/** Final config: what the Dockerfile's trailing instructions set, each with a history entry. */
function writeConfig(layout) {
  updateImage(layout, POLYGLOT_TAG, ({ config: cfg }) => {
    const c = (cfg.config = cfg.config ?? {});
    const created = new Date().toISOString();
    const entries = [];
    const note = (createdBy) =>
      entries.push({ created, created_by: `${NOP} ${createdBy}`, empty_layer: true });
    c.WorkingDir = APP_DIR;
    note(`WORKDIR ${APP_DIR}`);
    c.Env = [...(c.Env ?? []).filter((e) => !e.startsWith('NODE_ENV=')), 'NODE_ENV=production'];
    note('ENV NODE_ENV=production');
    c.ExposedPorts = Object.fromEntries(EXPOSED_PORTS.map((p) => [p, {}]));
    note(`EXPOSE ${EXPOSED_PORTS.join(' ')}`);
    c.Healthcheck = {
      Test: ['CMD-SHELL', HEALTH_CMD],
      Interval: 30_000_000_000,
      Timeout: 5_000_000_000,
      StartPeriod: 10_000_000_000,
      Retries: 3,
    };
    note(`HEALTHCHECK &{["CMD-SHELL" "${HEALTH_CMD}"] "30s" "5s" "10s" '\\x03'}`);
    c.User = USERS[0].name;
    note(`USER ${USERS[0].name}`);
    delete c.Entrypoint;
    note('ENTRYPOINT []');
    c.Cmd = ['node', 'server.js'];
    note('CMD ["node" "server.js"]');
    c.Labels = { ...(c.Labels ?? {}), 'org.opencontainers.image.title': 'customs-test-polyglot' };
    note('LABEL org.opencontainers.image.title=customs-test-polyglot');
    cfg.history = [...(cfg.history ?? []), ...entries];
  });
}

/**
 * Builds the polyglot image in `layout` (tag `polyglot`) from the bookworm layout. The root the
 * last layer was made from is kept at `rootfsOut` for the `dir:` source and the oracles.
 */
export async function buildPolyglotLayout(layout, bookwormLayout, work, rootfsOut) {
  copyLayout(bookwormLayout, layout);
  retag(layout, 'latest', POLYGLOT_TAG);
  const img = `${layout}:${POLYGLOT_TAG}`;
  const npmDir = path.join(work, 'polyglot-npm-app');
  // The host's npm runs while apt works in the chroot.
  const npmDone = timed('npm install (host npm)', () => installNpmApp(npmDir));
  npmDone.catch(() => {}); // awaited below
  const bundle = path.join(work, 'bundle-polyglot');
  await run('umoci', ['unpack', '--image', img, bundle]);
  const r = path.join(bundle, 'rootfs');
  const layer = (createdBy) =>
    timed(`layer: ${createdBy.slice(0, 60)}`, () =>
      run('umoci', ['repack', '--refresh-bundle', '--image', img, '--history.created_by', createdBy, bundle]),
    );

  await timed('apt-get install in chroot', () => aptInstall(r));
  await layer(
    `/bin/sh -c apt-get update && apt-get install -y --no-install-recommends ${POLYGLOT_APT.join(' ')} && apt-get clean && rm -rf /var/lib/apt/lists/*`,
  );
  await addUsers(r);
  await layer(
    `/bin/sh -c useradd --create-home --uid 1000 --shell /bin/bash appuser && useradd --create-home --uid 1001 --shell /bin/sh nopass && passwd --delete nopass`,
  );
  await npmDone;
  await copyNpmApp(r, npmDir);
  await layer(
    `${NOP}COPY --chown=1000:1000 dir:${dirDigest(JSON.stringify(NPM_DEPENDENCIES))} in ${APP_DIR} `,
  );
  fs.copyFileSync(HOST_GO_BINARY, path.join(r, GO_BINARY));
  fs.chmodSync(path.join(r, GO_BINARY), 0o755);
  await layer(`${NOP}COPY file:${dirDigest(fs.readFileSync(HOST_GO_BINARY))} in ${GO_BINARY} `);
  const java = await buildJavaApps(r, work);
  await layer(`${NOP}COPY dir:${dirDigest(java.war + java.helper)} in /opt/app `);
  await addRootFiles(r);
  await layer(
    `/bin/sh -c cp /bin/bash ${SETUID_PATH} && chmod 4755 ${SETUID_PATH} && mkdir -p -m 700 /root/.ssh && ssh-keygen -q -t rsa -b 2048 -m PEM -N '' -f ${PRIVATE_KEY}`,
  );
  writeConfig(layout);
  await run('umoci', ['gc', '--layout', layout]);

  fs.renameSync(r, rootfsOut);
  removeTree(bundle);
  removeTree(npmDir);
  const image = loadImage(layout, POLYGLOT_TAG);
  const base = loadImage(bookwormLayout, 'latest').manifest.layers.length;
  if (image.manifest.layers.length !== base + 6) {
    throw new BuildError(`polyglot image has ${image.manifest.layers.length} layers, expected ${base + 6}`);
  }
  return { image, java };
}
