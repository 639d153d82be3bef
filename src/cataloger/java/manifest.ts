/** A parsed META-INF/MANIFEST.MF: the main section and the named per-entry sections. */
export interface JarManifest {
  main: Record<string, string>;
  sections: Record<string, string>[];
}

/**
 * Parses the JAR manifest format: `Name: value` lines, continuation lines start with one space,
 * sections are separated by blank lines. Lenient: lines without a colon are ignored, CRLF/CR
 * line ends accepted, leading blank lines skipped.
 */
export function parseManifest(text: string): JarManifest {
  const sections: Record<string, string>[] = [];
  let current: Record<string, string> | undefined;
  let lastKey: string | undefined;
  for (const line of text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)) {
    if (line.trim() === '') {
      current = undefined;
      lastKey = undefined;
      continue;
    }
    if (line.startsWith(' ') && current && lastKey !== undefined) {
      current[lastKey] += line.slice(1);
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const key = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).replace(/^ /, '');
    if (!current) {
      current = {};
      sections.push(current);
    }
    current[key] = value.trim();
    lastKey = key;
  }
  for (const section of sections) for (const key of Object.keys(section)) section[key] = section[key]!.trim();
  const [main = {}, ...rest] = sections;
  return { main, sections: rest };
}
