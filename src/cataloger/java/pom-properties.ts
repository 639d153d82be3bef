/** The Maven coordinates a `META-INF/maven/<g>/<a>/pom.properties` states, plus other keys. */
export interface PomProperties {
  groupId: string;
  artifactId: string;
  version: string;
  /** Every key, as written (name, extra keys some builds add). */
  extra: Record<string, string>;
}

/** Index of the first key/value separator of a properties line (`=`, `:`, or whitespace). */
function separatorIndex(line: string): number {
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '=' || c === ':' || c === ' ' || c === '\t') return i;
  }
  return -1;
}

/** Parses Java properties text (the subset Maven writes): comments, `=`/`:` separators. */
export function parseProperties(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    let line = (lines[i] ?? '').replace(/^\s+/, '');
    if (line === '' || line.startsWith('#') || line.startsWith('!')) continue;
    while (/(^|[^\\])(\\\\)*\\$/.test(line) && i + 1 < lines.length) {
      line = line.slice(0, -1) + (lines[++i] ?? '').replace(/^\s+/, '');
    }
    const at = separatorIndex(line);
    const key = at < 0 ? line : line.slice(0, at);
    let rest = at < 0 ? '' : line.slice(at);
    rest = rest.replace(/^[ \t]*[=:]?[ \t]*/, '');
    out[key.replace(/\\(.)/g, '$1')] = rest.trim().replace(/\\(.)/g, '$1');
  }
  return out;
}

/** The coordinates of a pom.properties, or undefined when artifactId or version is missing. */
export function parsePomProperties(text: string): PomProperties | undefined {
  const extra = parseProperties(text);
  const artifactId = extra['artifactId'];
  const version = extra['version'];
  if (!artifactId || !version) return undefined;
  return { groupId: extra['groupId'] ?? '', artifactId, version, extra };
}
