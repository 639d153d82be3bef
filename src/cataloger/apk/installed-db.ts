/** One file an apk package installed, with its attributes when the database records them. */
export interface ApkFile {
  path: string;
  ownerUid?: number;
  ownerGid?: number;
  permissions?: string;
  digest?: string;
}

/** One record of `/lib/apk/db/installed` (apk's field letters in comments). */
export interface ApkRecord {
  package: string; // P
  version: string; // V
  originPackage?: string; // o
  architecture?: string; // A
  license?: string; // L
  maintainer?: string; // m
  url?: string; // U
  description?: string; // T
  size?: number; // S
  installedSize?: number; // I
  checksum?: string; // C
  gitCommit?: string; // c
  buildTime?: number; // t
  dependencies: string[]; // D
  provides: string[]; // p
  files: ApkFile[]; // F, R, M, a, Z
}

export interface ApkParseResult {
  records: ApkRecord[];
  /** Lines or records that could not be read, with their 1-based line numbers. */
  problems: string[];
}

interface Builder {
  fields: Map<string, string>;
  files: ApkFile[];
  dir: string;
  startLine: number;
  last?: ApkFile;
}

function attributes(value: string): Pick<ApkFile, 'ownerUid' | 'ownerGid' | 'permissions'> | undefined {
  const match = /^(\d+):(\d+):([0-7]+)$/.exec(value.trim());
  if (!match) return undefined;
  return { ownerUid: Number(match[1]), ownerGid: Number(match[2]), permissions: match[3] as string };
}

function number(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d+$/.test(value.trim())) return undefined;
  return Number(value);
}

function words(value: string | undefined): string[] {
  return value ? value.split(/\s+/).filter(Boolean) : [];
}

function finish(builder: Builder, out: ApkParseResult): void {
  const { fields } = builder;
  if (fields.size === 0) return;
  const name = fields.get('P');
  const version = fields.get('V');
  if (!name || !version) {
    out.problems.push(
      `record at line ${builder.startLine} has no ${name ? 'version (V:)' : 'package name (P:)'}${name ? ` (package ${name})` : ''}`,
    );
    return;
  }
  const record: ApkRecord = {
    package: name,
    version,
    dependencies: words(fields.get('D')),
    provides: words(fields.get('p')),
    files: builder.files,
  };
  const text: Array<[keyof ApkRecord, string]> = [
    ['originPackage', 'o'],
    ['architecture', 'A'],
    ['license', 'L'],
    ['maintainer', 'm'],
    ['url', 'U'],
    ['description', 'T'],
    ['checksum', 'C'],
    ['gitCommit', 'c'],
  ];
  const target = record as unknown as Record<string, unknown>;
  for (const [key, letter] of text) {
    const value = fields.get(letter);
    if (value) target[key] = value;
  }
  const numeric: Array<[keyof ApkRecord, string]> = [
    ['size', 'S'],
    ['installedSize', 'I'],
    ['buildTime', 't'],
  ];
  for (const [key, letter] of numeric) {
    const value = number(fields.get(letter));
    if (value !== undefined) target[key] = value;
  }
  out.records.push(record);
}

function fresh(line: number): Builder {
  return { fields: new Map(), files: [], dir: '', startLine: line };
}

/**
 * Parses apk's installed database: records separated by blank lines, one `X:value` field per
 * line. `F:` sets the current directory (its `M:` gives the directory's attributes), `R:` adds a
 * file in it, followed by its `a:` attributes and `Z:` checksum. Never throws: malformed lines
 * and records without name or version are reported as problems and skipped.
 */
export function parseApkInstalled(text: string): ApkParseResult {
  const out: ApkParseResult = { records: [], problems: [] };
  const lines = text.split(/\r?\n/);
  let builder = fresh(1);
  lines.forEach((line, index) => {
    if (line.trim() === '') {
      finish(builder, out);
      builder = fresh(index + 2);
      return;
    }
    if (line.length < 2 || line[1] !== ':') {
      out.problems.push(`line ${index + 1}: not an apk field: ${JSON.stringify(line.slice(0, 60))}`);
      return;
    }
    const letter = line[0] as string;
    const value = line.slice(2);
    switch (letter) {
      case 'F':
        builder.dir = value.replace(/^\/+|\/+$/g, '');
        builder.last = undefined;
        break;
      case 'R': {
        const file: ApkFile = { path: '/' + (builder.dir ? `${builder.dir}/${value}` : value) };
        builder.files.push(file);
        builder.last = file;
        break;
      }
      case 'a':
        if (builder.last) Object.assign(builder.last, attributes(value) ?? {});
        break;
      case 'Z':
        if (builder.last) builder.last.digest = value;
        break;
      case 'M':
        break;
      default:
        if (!builder.fields.has(letter)) builder.fields.set(letter, value);
    }
  });
  finish(builder, out);
  return out;
}
