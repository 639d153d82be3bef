export {
  createFilesCataloger,
  FILES_CATALOGER,
  DEFAULT_RETRIEVE_FILES,
  DEFAULT_RETRIEVE_MAX_BYTES,
} from './files-cataloger.js';
export { fileFlags, isNotable, modeText } from './file-flags.js';
export { globToRegExp, globsMatcher } from './path-glob.js';
export { compileContentSearch, searchLines, MAX_LINE_CHARS } from './content-search.js';
export { looksBinary, BINARY_SNIFF_BYTES, MAX_TEXT_SEARCH_BYTES } from './text-content.js';
