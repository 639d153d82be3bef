type Json = Record<string, unknown>;

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim().toLowerCase() : '';
}

/**
 * The namespace a secdb document speaks for: `alpine:<version>` from `distroversion`
 * (`v3.19` → `alpine:3.19`, `edge` → `alpine:edge`); Wolfi (`packages.wolfi.dev`, repo `os`)
 * and Chainguard (`*.cgr.dev`, repo `chainguard`) have no distroversion and are rolling.
 * The file's path decides only when the document names neither.
 */
export function secdbNamespace(doc: Json, location: string): string | { reason: string } {
  const distroversion = text(doc.distroversion);
  if (distroversion !== '') {
    const version = distroversion.replace(/^v/, '');
    if (/^\d+\.\d+$/.test(version) || version === 'edge') return `alpine:${version}`;
    return { reason: `unreadable distroversion ${JSON.stringify(doc.distroversion)}` };
  }
  const origin = `${text(doc.urlprefix)} ${text(doc.apkurl)}`;
  const repo = text(doc.reponame);
  if (/cgr\.dev|chainguard/.test(origin) || repo === 'chainguard') return 'chainguard:rolling';
  if (/wolfi\.dev/.test(origin) || repo === 'os' || repo === 'wolfi') return 'wolfi:rolling';
  const path = location.toLowerCase();
  if (path.includes('chainguard')) return 'chainguard:rolling';
  if (path.includes('wolfi')) return 'wolfi:rolling';
  return { reason: 'no distroversion, and neither a Wolfi nor a Chainguard repository' };
}
