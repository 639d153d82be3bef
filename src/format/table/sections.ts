import type { Sbom } from '../../model/sbom.js';
import { renderTable } from './render-table.js';

/** A short layer name for people: `#3 sha256:abcdef123456`. */
function layerText(layer: string | undefined, index: number | undefined): string {
  if (!layer) return '';
  const short = layer.replace(/^(sha256:[0-9a-f]{12})[0-9a-f]*$/, '$1');
  return index === undefined ? short : `#${index + 1} ${short}`;
}

function section(title: string, headers: string[], rows: string[][]): string {
  return rows.length === 0 ? '' : `\n${title} (${rows.length})\n${renderTable(headers, rows)}`;
}

/** Secrets (redacted), notable files, login users, unknowns and warnings, after the packages. */
export function findingSections(sbom: Sbom): string {
  const users = sbom.users.filter((u) => u.loginShell || u.uid === 0 || u.emptyPassword);
  return [
    section(
      'Secrets',
      ['RULE', 'SEVERITY', 'LOCATION', 'LAYER', 'MATCH'],
      sbom.secrets.map((s) => [
        s.ruleId,
        s.severity,
        `${s.path}:${s.line}`,
        layerText(s.layer, s.layerIndex),
        s.match.length > 60 ? `${s.match.slice(0, 57)}...` : s.match,
      ]),
    ),
    section(
      'Notable files',
      ['MODE', 'UID:GID', 'FLAGS', 'PATH'],
      sbom.files
        .filter((f) => (f.flags ?? []).some((x) => x !== 'sticky'))
        .map((f) => [f.modeText, `${f.uid}:${f.gid}`, (f.flags ?? []).join(','), f.path]),
    ),
    section(
      'Users with a login shell, uid 0 or an empty password',
      ['NAME', 'UID', 'SHELL', 'NOTE'],
      users.map((u) => [
        u.name,
        String(u.uid),
        u.shell ?? '',
        [u.uid === 0 ? 'root' : '', u.emptyPassword ? 'empty password' : ''].filter(Boolean).join(', '),
      ]),
    ),
    section(
      'Malware',
      ['SIGNATURE', 'PATH'],
      sbom.malware.map((m) => [m.signature, m.path]),
    ),
    section(
      'Unknowns (could not be read; the scan went on)',
      ['CATALOGER', 'PATH', 'PROBLEM'],
      sbom.unknowns.map((u) => [u.cataloger ?? '', u.path, u.message]),
    ),
    sbom.warnings.length === 0 ? '' : `\nWarnings\n${sbom.warnings.map((w) => `- ${w}\n`).join('')}`,
  ].join('');
}
