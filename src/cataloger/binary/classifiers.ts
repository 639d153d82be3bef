/* eslint-disable no-control-regex -- byte patterns over binaries match NUL-terminated strings */
/**
 * A runtime recognised by a path pattern and a byte pattern in its content. `anchor` is a
 * literal found with a fast byte search; `pattern` then runs only over a small window starting
 * at each hit (or, without an anchor, over the whole file, for small gated files only).
 */
export interface Classifier {
  /** Package name and purl name: `pkg:generic/<name>@<version>`. */
  name: string;
  path: RegExp;
  anchor?: string;
  /** The first capture group is the version. */
  pattern: RegExp;
  /** When several versions match, which one wins (default: the first). */
  pick?: (versions: string[], path: string) => string | undefined;
}

const minorOfName = (path: string): string | undefined => /(?:python|libpython)(\d\.\d+)/.exec(path)?.[1];

/** Python: the version whose major.minor the file name says, else the highest 3.x/2.x found. */
function pickPython(versions: string[], path: string): string | undefined {
  const minor = minorOfName(path);
  if (minor) return versions.find((v) => v.startsWith(`${minor}.`));
  const major = /python(\d)/.exec(path)?.[1] ?? '3';
  const numeric = (v: string): number[] => v.split('.').map((n) => parseInt(n, 10));
  return versions
    .filter((v) => v.startsWith(`${major}.`))
    .sort(
      (a, b) => (numeric(b)[1] ?? 0) - (numeric(a)[1] ?? 0) || (numeric(b)[2] ?? 0) - (numeric(a)[2] ?? 0),
    )[0];
}

export const CLASSIFIERS: readonly Classifier[] = [
  { name: 'node', path: /\/(node|nodejs)$/, anchor: 'node.js/v', pattern: /^node\.js\/v(\d+\.\d+\.\d+)/ },
  {
    name: 'python',
    path: /\/(python[23](\.\d+)?m?|libpython[23](\.\d+)?m?\.so(\.[0-9.]+)?)$/,
    pattern: /(?:\x00|Python-)([23]\.\d+\.\d+(?:(?:a|b|rc)\d+)?\+?)(?:\x00| \(main)/g,
    pick: pickPython,
  },
  { name: 'busybox', path: /\/busybox$/, anchor: 'BusyBox v', pattern: /^BusyBox v(\d+\.\d+\.\d+)/ },
  { name: 'nginx', path: /\/nginx$/, anchor: 'nginx/', pattern: /^nginx\/(\d+\.\d+\.\d+)/ },
  { name: 'httpd', path: /\/(httpd|apache2)$/, anchor: 'Apache/', pattern: /^Apache\/(\d+\.\d+\.\d+)/ },
  {
    name: 'redis',
    path: /\/redis-(server|sentinel|check-rdb|check-aof)$/,
    pattern: /(\d+\.\d+\.(?:\d+?(?=\d{19}\x00)|\d+(?=[a-z0-9]{12,15}-\d{19}\x00)))/g,
  },
  {
    name: 'postgresql',
    path: /\/postgres(ql)?$/,
    anchor: '(PostgreSQL) ',
    pattern: /^\(PostgreSQL\) (\d+(?:\.\d+)+)/,
  },
  {
    name: 'openssl',
    path: /\/(openssl|libssl\.so(\.[0-9.]+)?|libcrypto\.so(\.[0-9.]+)?)$/,
    anchor: 'OpenSSL ',
    pattern: /^OpenSSL (\d+\.\d+\.\d+[a-z]?)(?:-[a-z0-9]+)? +\d{1,2} [A-Z][a-z]{2} \d{4}/,
  },
];
