export { dpkgCataloger } from './dpkg-cataloger.js';
export { parseDeb822, type Deb822Document, type Deb822Paragraph } from './deb822.js';
export { parseDpkgStatus, hasFilesOnDisk, type DpkgStatus, type DpkgState } from './status-state.js';
export { debPurl, type DebPurlInput } from './purl.js';
export { wantsDpkgPath } from './paths.js';
