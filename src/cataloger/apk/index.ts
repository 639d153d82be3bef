export { apkCataloger, APK_INSTALLED } from './apk-cataloger.js';
export { parseApkInstalled, type ApkRecord, type ApkFile, type ApkParseResult } from './installed-db.js';
export { apkPurl } from './purl.js';
export { dependencyName, providedName } from './dependency-graph.js';
