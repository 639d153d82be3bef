// Inputs of the polyglot image that are made on the host: the npm app (real `npm install`) and
// the Java apps (a war with a nested Debian jar, and a plain jar), built with the JDK's `jar`.
import fs from 'node:fs';
import path from 'node:path';
import { BuildError, run } from './util.mjs';

/** Exact old versions the app pins (several have known advisories, which is the point). */
export const NPM_DEPENDENCIES = Object.freeze({
  lodash: '4.17.11',
  minimist: '1.2.0',
  express: '4.17.1',
  '@sindresorhus/is': '0.7.0',
});

export const APP_NAME = 'customs-polyglot-app';
export const APP_VERSION = '1.0.0';

/** The plain jar under /opt/app/lib: Maven coordinates recorded in its pom.properties. */
export const HELPER_JAR = Object.freeze({
  groupId: 'com.example.customs',
  artifactId: 'customs-helper',
  version: '1.2.3',
});

const SERVER_JS = `'use strict';
const express = require('express');
const app = express();
app.get('/healthz', (_req, res) => res.send('ok'));
app.listen(3000);
`;

/**
 * Installs the app's production dependencies with the host's npm into `dir` (created).
 * @returns {Promise<void>}
 */
export async function installNpmApp(dir) {
  fs.mkdirSync(dir, { recursive: true });
  const manifest = {
    name: APP_NAME,
    version: APP_VERSION,
    private: true,
    main: 'server.js',
    dependencies: { ...NPM_DEPENDENCIES },
  };
  fs.writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  fs.writeFileSync(path.join(dir, 'server.js'), SERVER_JS);
  await run('npm', ['install', '--omit=dev', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: dir,
  });
  for (const f of ['package-lock.json', 'node_modules/lodash/package.json']) {
    if (!fs.existsSync(path.join(dir, f))) throw new BuildError(`npm install left no ${f} in ${dir}`);
  }
}

async function jarCreate(file, contentDir, manifestFile) {
  const args = ['--create', '--file', file];
  if (manifestFile) args.push('--manifest', manifestFile);
  await run('jar', [...args, '-C', contentDir, '.']);
}

/** The versioned jar name Debian's package links to (e.g. commons-lang3-3.12.0.jar). */
export function debianJarName(rootfs, stem) {
  const dir = path.join(rootfs, 'usr/share/java');
  const re = new RegExp(`^${stem}-\\d[\\w.+~-]*\\.jar$`);
  const name = fs.readdirSync(dir).find((f) => re.test(f));
  if (!name) throw new BuildError(`no ${stem}-<version>.jar in ${dir}`);
  return name;
}

/**
 * Writes /opt/app/app.war (WEB-INF/lib/<Debian's commons-lang3 jar>) and
 * /opt/app/lib/<helper>.jar into `rootfs`. Returns the paths inside the image.
 */
export async function buildJavaApps(rootfs, work) {
  const lang3Name = debianJarName(rootfs, 'commons-lang3');
  // realpath: the versioned name is a symlink to commons-lang3.jar in the Debian package.
  const lang3Jar = fs.realpathSync(path.join(rootfs, 'usr/share/java', lang3Name));
  if (!lang3Jar.startsWith(`${rootfs}/`)) throw new BuildError(`${lang3Name} points outside the root`);

  const warDir = path.join(work, 'war');
  fs.mkdirSync(path.join(warDir, 'WEB-INF/lib'), { recursive: true });
  fs.copyFileSync(lang3Jar, path.join(warDir, 'WEB-INF/lib', lang3Name));
  fs.writeFileSync(
    path.join(warDir, 'WEB-INF/web.xml'),
    '<?xml version="1.0" encoding="UTF-8"?>\n<web-app version="4.0"><display-name>customs</display-name></web-app>\n',
  );
  fs.writeFileSync(path.join(warDir, 'index.jsp'), '<html><body>customs</body></html>\n');

  const { groupId, artifactId, version } = HELPER_JAR;
  const helperDir = path.join(work, 'helper');
  const mavenDir = path.join(helperDir, 'META-INF/maven', groupId, artifactId);
  fs.mkdirSync(mavenDir, { recursive: true });
  fs.writeFileSync(
    path.join(mavenDir, 'pom.properties'),
    `artifactId=${artifactId}\ngroupId=${groupId}\nversion=${version}\n`,
  );
  fs.mkdirSync(path.join(helperDir, 'com/example/customs'), { recursive: true });
  fs.writeFileSync(path.join(helperDir, 'com/example/customs/helper.properties'), 'greeting=hello\n');
  const helperManifest = path.join(work, 'helper.MF');
  fs.writeFileSync(
    helperManifest,
    `Implementation-Title: ${artifactId}\nImplementation-Version: ${version}\nImplementation-Vendor-Id: ${groupId}\n`,
  );

  const appDir = path.join(rootfs, 'opt/app');
  fs.mkdirSync(path.join(appDir, 'lib'), { recursive: true });
  const war = '/opt/app/app.war';
  const helper = `/opt/app/lib/${artifactId}-${version}.jar`;
  await jarCreate(path.join(rootfs, war), warDir);
  await jarCreate(path.join(rootfs, helper), helperDir, helperManifest);
  return { war, warNestedJar: `WEB-INF/lib/${lang3Name}`, helper };
}
