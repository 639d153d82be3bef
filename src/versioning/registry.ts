import { UsageError } from '../errors/index.js';
import { apkScheme } from './apk/index.js';
import { debScheme } from './deb/index.js';
import { gemScheme } from './gem/index.js';
import { genericScheme } from './generic/index.js';
import { golangScheme } from './golang/index.js';
import { mavenScheme } from './maven/index.js';
import { nugetScheme } from './nuget/index.js';
import { pep440Scheme } from './pep440/index.js';
import { rpmScheme } from './rpm/index.js';
import { semverScheme } from './semver/index.js';
import type { VersionScheme } from './types.js';

/** Every version scheme Customs knows, in one explicit list (no import side effects). */
export const VERSION_SCHEMES: readonly VersionScheme[] = [
  debScheme,
  rpmScheme,
  apkScheme,
  semverScheme,
  pep440Scheme,
  mavenScheme,
  gemScheme,
  golangScheme,
  nugetScheme,
  genericScheme,
];

/** The scheme of that name; a UsageError listing the known names otherwise. */
export function versionScheme(name: string): VersionScheme {
  const scheme = VERSION_SCHEMES.find((s) => s.name === name);
  if (!scheme) {
    throw new UsageError(
      `unknown version scheme ${JSON.stringify(name)}: expected one of ${VERSION_SCHEMES.map((s) => s.name).join(', ')}`,
    );
  }
  return scheme;
}
