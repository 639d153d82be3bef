export const COMPOSER_LOCK = '/composer.lock';
export const INSTALLED_JSON = '/vendor/composer/installed.json';

/** Cheap path test: composer.lock and composer's record of installed packages. */
export function wantsPhpPath(path: string): boolean {
  return path.endsWith(COMPOSER_LOCK) || path.endsWith(INSTALLED_JSON);
}

/** The project directory a composer file belongs to. */
export function composerProjectOf(path: string): string {
  const suffix = path.endsWith(INSTALLED_JSON) ? INSTALLED_JSON : COMPOSER_LOCK;
  return path.slice(0, path.length - suffix.length) || '/';
}
