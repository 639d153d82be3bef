/**
 * The header block of a core-metadata file (METADATA, PKG-INFO): RFC 822 style `Key: value`
 * lines, continuation lines starting with white space, ended by a blank line (the body after it
 * is the long description). Keys are matched case-insensitively; repeated keys keep every value.
 */
export interface MetadataHeaders {
  get(key: string): string | undefined;
  all(key: string): string[];
  readonly size: number;
}

export function parseMetadataHeaders(text: string): MetadataHeaders {
  const fields = new Map<string, string[]>();
  let last: { key: string; index: number } | undefined;
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (line.trim() === '') {
      if (fields.size > 0) break;
      continue;
    }
    if (/^[ \t]/.test(line)) {
      if (!last) continue;
      const values = fields.get(last.key) as string[];
      values[last.index] = `${values[last.index] ?? ''}\n${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) {
      last = undefined;
      continue;
    }
    const key = line.slice(0, colon).trim().toLowerCase();
    const values = fields.get(key) ?? [];
    values.push(line.slice(colon + 1).trim());
    fields.set(key, values);
    last = { key, index: values.length - 1 };
  }
  return {
    get: (key) => fields.get(key.toLowerCase())?.[0],
    all: (key) => fields.get(key.toLowerCase()) ?? [],
    size: fields.size,
  };
}
