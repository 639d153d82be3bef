import type { DpkgMetadata } from '../../model/package.js';
import type { Deb822Paragraph } from './deb822.js';
import { formatRelationGroups, parseRelationField } from './relation-field.js';
import { hasFilesOnDisk, parseDpkgStatus, stateAllowsMissingVersion } from './status-state.js';

export type ParagraphOutcome =
  { kind: 'package'; metadata: DpkgMetadata } | { kind: 'skip' } | { kind: 'invalid'; message: string };

export interface ParagraphOptions {
  /**
   * distroless status.d entries usually carry no Status field; there, a missing Status means
   * installed. In dpkg's own status file it means not-installed, as dpkg reads it.
   */
  missingStatusMeansInstalled: boolean;
}

/** `Installed-Size` is KiB; tolerate a unit suffix (`1234 kB`, `2 MB`). */
export function parseInstalledSize(value: string | undefined): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([kmg]i?b?)?\s*$/i.exec(value ?? '');
  if (!match) return undefined;
  const amount = Number(match[1]);
  const unit = (match[2] ?? 'k')[0]?.toLowerCase();
  const factor = unit === 'm' ? 1024 : unit === 'g' ? 1024 * 1024 : 1;
  return Math.round(amount * factor);
}

/** `Source: foo` or `Source: foo (1.2-3)`; defaults to the binary package's name and version. */
export function parseSourceField(
  value: string | undefined,
  name: string,
  version: string,
): { source: string; sourceVersion: string } {
  const match = /^\s*(\S+)(?:\s*\(\s*([^)\s]+)\s*\))?/.exec(value ?? '');
  if (!match) return { source: name, sourceVersion: version };
  return { source: match[1] as string, sourceVersion: match[2] ?? version };
}

function describe(paragraph: Deb822Paragraph, name?: string): string {
  return name
    ? `package ${name} (paragraph at line ${paragraph.line})`
    : `paragraph at line ${paragraph.line}`;
}

/** Decides what one status paragraph means: a package whose files are on disk, nothing, or a problem. */
export function paragraphToPackage(paragraph: Deb822Paragraph, options: ParagraphOptions): ParagraphOutcome {
  const fields = paragraph.fields;
  const name = fields.get('package')?.trim();
  if (!name) return { kind: 'invalid', message: `${describe(paragraph)} has no Package field` };

  const statusValue = fields.get('status');
  const status =
    statusValue === undefined && options.missingStatusMeansInstalled
      ? parseDpkgStatus('install ok installed')
      : parseDpkgStatus(statusValue);
  if (!status)
    return {
      kind: 'invalid',
      message: `${describe(paragraph, name)} has an invalid Status "${statusValue}"`,
    };
  if (!hasFilesOnDisk(status)) return { kind: 'skip' };

  const version = fields.get('version')?.trim();
  if (!version) {
    const why = stateAllowsMissingVersion(status) ? ` (state ${status.state})` : '';
    return { kind: 'invalid', message: `${describe(paragraph, name)} has no Version${why}` };
  }

  const { source, sourceVersion } = parseSourceField(fields.get('source'), name, version);
  const metadata: DpkgMetadata = { package: name, source, sourceVersion, version };
  const architecture = fields.get('architecture')?.trim();
  if (architecture) metadata.architecture = architecture;
  const maintainer = fields.get('maintainer')?.trim();
  if (maintainer) metadata.maintainer = maintainer;
  const installedSize = parseInstalledSize(fields.get('installed-size'));
  if (installedSize !== undefined) metadata.installedSize = installedSize;
  const depends = formatRelationGroups(parseRelationField(fields.get('depends')));
  if (depends.length > 0) metadata.depends = depends;
  const preDepends = formatRelationGroups(parseRelationField(fields.get('pre-depends')));
  if (preDepends.length > 0) metadata.preDepends = preDepends;
  const provides = parseRelationField(fields.get('provides')).flat();
  if (provides.length > 0) metadata.provides = provides;
  return { kind: 'package', metadata };
}
