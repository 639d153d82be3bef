export { phpCataloger } from './php-cataloger.js';
export { wantsPhpPath } from './paths.js';
export { parseComposerLock, parseInstalledJson } from './composer-files.js';
export { composerLicenses, type ComposerPackage } from './composer-package.js';
export { composerPurl } from './purl.js';
