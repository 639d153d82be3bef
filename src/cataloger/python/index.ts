export { pythonCataloger } from './python-cataloger.js';
export { wantsPythonPath, pythonFileKind, type PythonFileKind } from './paths.js';
export { normalisePythonName, pypiPurl } from './name.js';
export { parseCoreMetadata, parseRequiresTxt, type CoreMetadata } from './core-metadata.js';
export { parseRequirement, pinnedVersion, type Requirement } from './requirement.js';
export { parseRecordFile, parseInstalledFiles, type OwnedFile } from './record-file.js';
export { parseRequirementsTxt } from './requirements-txt.js';
export { parsePoetryLock, parseUvLock } from './toml-lock.js';
export { parsePipfileLock } from './pipfile-lock.js';
