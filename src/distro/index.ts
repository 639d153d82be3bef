export { detectDistro, wantsDistroFile } from './detect-distro.js';
export { distroFromOsRelease } from './os-release.js';
export { distroFromLsbRelease } from './lsb-release.js';
export { distroFromDebianVersion } from './debian-version.js';
export { distroFromAlpineRelease } from './alpine-release.js';
export { distroFromRedhatRelease } from './redhat-release.js';
export { parseKeyValueFile } from './key-value.js';
export { distroFromSuseRelease } from './suse-release.js';
