// What the polyglot image is known to contain, recorded in images.json for the tests to check
// catalogers against (the oracles in test/oracle/ give the package lists themselves).
import { APP_NAME, APP_VERSION, HELPER_JAR, NPM_DEPENDENCIES } from './polyglot-app.mjs';
import {
  APP_DIR,
  ENV_FILE,
  EXPOSED_PORTS,
  FAKE_GITHUB_TOKEN,
  GO_BINARY,
  POLYGLOT_APT,
  PRIVATE_KEY,
  SETUID_PATH,
  USERS,
  WORLD_WRITABLE_PATH,
} from './polyglot.mjs';

/** @param {{ war: string, warNestedJar: string, helper: string }} java paths inside the image */
export function polyglotFacts(java) {
  return {
    appDir: APP_DIR,
    expected: {
      aptPackages: [...POLYGLOT_APT],
      npmApp: { name: APP_NAME, version: APP_VERSION, dependencies: { ...NPM_DEPENDENCIES } },
      users: USERS.map((u) => ({ ...u })),
      configUser: USERS[0]?.name,
      exposedPorts: [...EXPOSED_PORTS],
      setuidPaths: [SETUID_PATH],
      worldWritablePaths: [WORLD_WRITABLE_PATH],
      secrets: [
        { path: ENV_FILE, kind: 'github-token', value: FAKE_GITHUB_TOKEN },
        { path: PRIVATE_KEY, kind: 'private-key' },
      ],
      goBinaryPath: GO_BINARY,
      warPath: java.war,
      warNestedJar: java.warNestedJar,
      plainJarPath: java.helper,
      plainJar: { ...HELPER_JAR },
    },
  };
}
