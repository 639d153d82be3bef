import { posix } from 'node:path';

/** One file a distribution installed, from its RECORD (or an egg's installed-files.txt). */
export interface OwnedFile {
  /** Absolute path inside the image. */
  path: string;
  /** `sha256=<urlsafe-base64>` as RECORD writes it. */
  digest?: { algorithm: string; value: string };
  size?: number;
}

/** Splits one CSV line (RECORD uses Python's csv module: `"` quoting, `""` escapes). */
export function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] as string;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      fields.push(field);
      field = '';
    } else field += ch;
  }
  fields.push(field);
  return fields;
}

function absolute(base: string, path: string): string {
  return posix.normalize(path.startsWith('/') ? path : posix.join(base, path));
}

/** RECORD rows resolved against the site-packages directory; unreadable rows are skipped. */
export function parseRecordFile(text: string, sitePackages: string): OwnedFile[] {
  const files: OwnedFile[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '' || /^(<{7}|={7}|>{7})/.test(line)) continue;
    const [path = '', hash = '', size = ''] = splitCsvLine(line);
    if (path.trim() === '') continue;
    const file: OwnedFile = { path: absolute(sitePackages, path.trim()) };
    const eq = hash.indexOf('=');
    if (eq > 0) file.digest = { algorithm: hash.slice(0, eq), value: hash.slice(eq + 1) };
    if (/^\d+$/.test(size.trim())) file.size = Number(size.trim());
    files.push(file);
  }
  return files;
}

/** An egg-info `installed-files.txt`: one path per line, relative to the egg-info directory. */
export function parseInstalledFiles(text: string, eggInfoDir: string): OwnedFile[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .map((l) => ({ path: absolute(eggInfoDir, l) }));
}
