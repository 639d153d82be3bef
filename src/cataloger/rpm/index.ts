export { rpmCataloger } from './rpm-cataloger.js';
export { readRpmDb, type RpmDbResult } from './read-rpm-db.js';
export { parseHeaderBlob, HeaderBlobError, type RpmHeader } from './header-blob.js';
export { rpmEntryOfBlob, rpmVersionString, type RpmEntry, type RpmFile } from './rpm-entry.js';
export { rpmPurl } from './purl.js';
export { isRpmDbPath } from './paths.js';
