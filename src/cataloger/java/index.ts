export { javaCataloger, createJavaCataloger, mavenPurl } from './java-cataloger.js';
export { inspectJavaArchive, problemsOf, type ArchiveFinding } from './archive-inspection.js';
export { archivePackages, type JavaDraft, type JavaMetadata } from './archive-packages.js';
export { parseManifest, type JarManifest } from './manifest.js';
export { manifestIdentity, type ManifestIdentity } from './manifest-identity.js';
export { manifestLicenses } from './manifest-licenses.js';
export { parsePomProperties, parseProperties, type PomProperties } from './pom-properties.js';
export { parsePomXml, type PomProject } from './pom-xml.js';
export { nameFromFile, type NameFromFile } from './file-name.js';
export {
  isJavaArchivePath,
  wantsJavaArchive,
  JAVA_ARCHIVE_EXTENSIONS,
  MAX_JAVA_ARCHIVE_BYTES,
} from './paths.js';
export { DEFAULT_ZIP_LIMITS, type ZipLimits } from './zip-limits.js';
