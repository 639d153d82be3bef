import type { JarManifest } from './manifest.js';

/**
 * Licenses a manifest declares: OSGi `Bundle-License` (comma-separated names, SPDX ids or URLs;
 * `;` parameters dropped) and Jenkins `Plugin-License-Name`, `Plugin-License-Name-2`, …
 */
export function manifestLicenses(manifest: JarManifest | undefined): string[] {
  if (!manifest) return [];
  const found: string[] = [];
  const bundle = manifest.main['Bundle-License'];
  if (bundle) {
    for (const part of bundle.split(/,(?![^"]*"\s*(?:;|,|$))/)) {
      const name = part.split(';')[0]?.replace(/"/g, '').trim();
      if (name) found.push(name);
    }
  }
  for (const [key, value] of Object.entries(manifest.main)) {
    if (/^Plugin-License-Name(-\d+)?$/.test(key) && value.trim()) found.push(value.trim());
  }
  return [...new Set(found)];
}
