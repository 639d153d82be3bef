import { posix } from 'node:path';

export type RubyFileKind = 'gemspec' | 'gemfile-lock';

/** Installed gem specifications (`…/specifications/**\/*.gemspec`) and Bundler lock files. */
export function rubyFileKind(path: string): RubyFileKind | undefined {
  const name = posix.basename(path);
  if (name === 'Gemfile.lock' || name === 'Gemfile.next.lock') return 'gemfile-lock';
  if (name.endsWith('.gemspec') && path.includes('/specifications/')) return 'gemspec';
  return undefined;
}

export function wantsRubyPath(path: string): boolean {
  return rubyFileKind(path) !== undefined;
}

/** The gem directory (GEM_HOME-like) a specification belongs to: the parent of `specifications/`. */
export function gemDirOf(gemspecPath: string): string {
  const at = gemspecPath.lastIndexOf('/specifications/');
  return at <= 0 ? '/' : gemspecPath.slice(0, at);
}
