/** A module as the build info lists it (`mod` or `dep`), with its replacement (`=>`) if any. */
export interface GoModule {
  path: string;
  version: string;
  sum?: string;
  replace?: GoModule;
}

/** The module info text of a Go binary, parsed (what `go version -m` prints). */
export interface GoModInfo {
  /** The main package's import path (`path` line). */
  path?: string;
  main?: GoModule;
  deps: GoModule[];
  /** Build settings in order (`build` lines): -compiler, -ldflags, GOOS, GOARCH, vcs.revision... */
  settings: Array<{ key: string; value: string }>;
  /** Lines that could not be understood. */
  problems: string[];
}

function moduleOf(fields: string[]): GoModule | undefined {
  const [path, version, sum] = fields;
  if (!path) return undefined;
  const out: GoModule = { path, version: version ?? '' };
  if (sum) out.sum = sum;
  return out;
}

/** A quoted build setting value (`-ldflags="-s -w"`) unquoted, else as is. */
function settingValue(raw: string): string {
  if (raw.startsWith('"')) {
    try {
      const parsed: unknown = JSON.parse(raw);
      if (typeof parsed === 'string') return parsed;
    } catch {
      return raw;
    }
  }
  return raw;
}

/**
 * Parses the module info text: tab-separated `path`, `mod`, `dep`, `=>` (replaces the module
 * before it) and `build key=value` lines. Unknown lines are noted, never fatal.
 */
export function parseModInfo(text: string): GoModInfo {
  const info: GoModInfo = { deps: [], settings: [], problems: [] };
  let last: GoModule | undefined;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const [kind, ...fields] = line.split('\t');
    if (kind === 'path') info.path = fields[0];
    else if (kind === 'mod' || kind === 'dep') {
      const mod = moduleOf(fields);
      if (!mod) {
        info.problems.push(`module line without a path: ${JSON.stringify(line)}`);
        continue;
      }
      if (kind === 'mod') info.main = mod;
      else info.deps.push(mod);
      last = mod;
    } else if (kind === '=>') {
      const replacement = moduleOf(fields);
      if (last && replacement) last.replace = replacement;
      else info.problems.push(`replacement without a module: ${JSON.stringify(line)}`);
    } else if (kind === 'build') {
      const setting = fields.join('\t');
      const eq = setting.indexOf('=');
      if (eq > 0)
        info.settings.push({ key: setting.slice(0, eq), value: settingValue(setting.slice(eq + 1)) });
      else info.problems.push(`build setting without a value: ${JSON.stringify(line)}`);
    } else info.problems.push(`unexpected module info line: ${JSON.stringify(line.slice(0, 200))}`);
  }
  return info;
}
