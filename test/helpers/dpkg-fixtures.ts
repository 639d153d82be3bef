import type { CatalogContext } from '../../src/cataloger/types.js';
import type { Distro } from '../../src/model/distro.js';
import type { FileView } from '../../src/resolver/file-view.js';

/** A status paragraph with sensible defaults; `extra` lines are appended as written. */
export function stanza(
  name: string,
  version: string | undefined,
  options: { status?: string | null; arch?: string; extra?: string[] } = {},
): string {
  const lines = [`Package: ${name}`];
  if (options.status !== null) lines.push(`Status: ${options.status ?? 'install ok installed'}`);
  lines.push(
    'Priority: optional',
    'Section: misc',
    'Installed-Size: 10',
    'Maintainer: Someone <someone@example.org>',
  );
  lines.push(`Architecture: ${options.arch ?? 'amd64'}`);
  if (version !== undefined) lines.push(`Version: ${version}`);
  lines.push(...(options.extra ?? []), `Description: test package ${name}`, ' A longer description.');
  return lines.join('\n') + '\n';
}

export function statusFile(...stanzas: string[]): string {
  return stanzas.join('\n');
}

export const DEBIAN_12: Distro = { id: 'debian', versionId: '12' };

export function contextOf(files: FileView, distro: Distro | null = DEBIAN_12): CatalogContext {
  return { files, squashed: files, distro, inspections: new Map(), packagesSoFar: [] };
}
