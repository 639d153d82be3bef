export { dotnetCataloger } from './dotnet-cataloger.js';
export { wantsDotnetPath } from './paths.js';
export { parseDepsJson, splitLibraryKey, type DepsLibrary } from './deps-json.js';
export { nugetPurl } from './purl.js';
