/** One gem a Gemfile.lock resolves. */
export interface LockedGem {
  name: string;
  version: string;
  /** The platform suffix of `nokogiri (1.15.0-x86_64-linux)`; absent for plain ruby gems. */
  platform?: string;
  /** The section it came from: GEM, GIT, PATH or PLUGIN SOURCE. */
  source: string;
  remote?: string;
  dependsOn: string[];
}

export interface GemfileLock {
  gems: LockedGem[];
  platforms: string[];
  /** Top-level DEPENDENCIES names. */
  dependencies: string[];
  bundledWith?: string;
  rubyVersion?: string;
}

export type GemfileLockOutcome = { kind: 'lock'; lock: GemfileLock } | { kind: 'invalid'; message: string };

const SOURCE_SECTIONS = new Set(['GEM', 'GIT', 'PATH', 'PLUGIN SOURCE']);
const KNOWN_SECTIONS = new Set([
  ...SOURCE_SECTIONS,
  'PLATFORMS',
  'DEPENDENCIES',
  'BUNDLED WITH',
  'RUBY VERSION',
  'CHECKSUMS',
]);

const SPEC = /^(\S+) \(([^)]+)\)$/;

/** Splits `1.15.0-x86_64-linux` into version and platform (gem versions hold no `-`). */
export function splitGemVersion(raw: string): { version: string; platform?: string } {
  const dash = raw.indexOf('-');
  if (dash <= 0) return { version: raw };
  return { version: raw.slice(0, dash), platform: raw.slice(dash + 1) };
}

/** Parses Bundler's Gemfile.lock; never throws. */
export function parseGemfileLock(text: string): GemfileLockOutcome {
  const lock: GemfileLock = { gems: [], platforms: [], dependencies: [] };
  let section = '';
  let remote: string | undefined;
  let inSpecs = false;
  let current: LockedGem | undefined;
  let sections = 0;
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    if (raw.trim() === '') continue;
    const indent = raw.length - raw.trimStart().length;
    const line = raw.trim();
    if (indent === 0) {
      section = line;
      if (KNOWN_SECTIONS.has(section)) sections++;
      remote = undefined;
      inSpecs = false;
      current = undefined;
      continue;
    }
    if (SOURCE_SECTIONS.has(section)) {
      if (indent === 2) {
        inSpecs = line === 'specs:';
        if (line.startsWith('remote:')) remote = line.slice('remote:'.length).trim();
        continue;
      }
      const spec = SPEC.exec(line);
      if (!inSpecs || !spec) continue;
      if (indent === 4) {
        const { version, platform } = splitGemVersion(spec[2] as string);
        current = { name: spec[1] as string, version, source: section, dependsOn: [] };
        if (platform) current.platform = platform;
        if (remote) current.remote = remote;
        lock.gems.push(current);
      } else if (indent >= 6 && current && !current.dependsOn.includes(spec[1] as string)) {
        current.dependsOn.push(spec[1] as string);
      }
    } else if (section === 'PLATFORMS') lock.platforms.push(line);
    else if (section === 'DEPENDENCIES') {
      const name = /^([^\s!(]+)/.exec(line)?.[1];
      if (name) lock.dependencies.push(name);
    } else if (section === 'BUNDLED WITH') lock.bundledWith = line;
    else if (section === 'RUBY VERSION') lock.rubyVersion = line;
  }
  // Bare `name` lines under specs (no version) were skipped above: they are dependencies only.
  if (sections === 0)
    return { kind: 'invalid', message: 'not a Gemfile.lock: no GEM, PLATFORMS or DEPENDENCIES section' };
  return { kind: 'lock', lock };
}
