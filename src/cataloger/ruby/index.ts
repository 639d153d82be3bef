export { rubyCataloger } from './ruby-cataloger.js';
export { wantsRubyPath, rubyFileKind, gemDirOf, type RubyFileKind } from './paths.js';
export { parseGemspec, type Gemspec } from './gemspec.js';
export { parseGemfileLock, splitGemVersion, type GemfileLock, type LockedGem } from './gemfile-lock.js';
export { readRubyValue, stringsOf, type RubyValue } from './ruby-literal.js';
export { gemPurl } from './purl.js';
