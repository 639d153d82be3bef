import type { Distro } from '../model/distro.js';

/** A Distro from /etc/alpine-release, e.g. `3.19.1` or `3.20.0_alpha20240329` (edge). */
export function distroFromAlpineRelease(text: string, source: string): Distro | null {
  const value = text.trim().split(/\s+/)[0] ?? '';
  if (!/^\d+\.\d+/.test(value)) return null;
  return { id: 'alpine', versionId: value, source };
}
