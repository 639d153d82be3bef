import { packageUrl } from '../package-url.js';

/** `pkg:golang/<module path>@<version>`; the path's last element is the name, the rest the namespace. */
export function golangPurl(modulePath: string, version: string): string | undefined {
  const slash = modulePath.lastIndexOf('/');
  const namespace = slash > 0 ? modulePath.slice(0, slash) : undefined;
  const name = slash > 0 ? modulePath.slice(slash + 1) : modulePath;
  return packageUrl('golang', namespace, name, version || undefined);
}

/** `go1.21.5` → `1.21.5`; experiment suffixes (`go1.22.1 X:boringcrypto`) are dropped. */
export function stdlibVersion(goVersion: string): string {
  const first = goVersion.split(' ')[0] ?? goVersion;
  return first.startsWith('go') ? first.slice(2) : first;
}
