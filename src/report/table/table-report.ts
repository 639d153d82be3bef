import { renderTable } from '../../format/table/render-table.js';
import type { Match, ScanReport } from '../../scan/types.js';
import { compareMatches } from '../../scan/severity.js';
import type { ReportFormat } from '../types.js';

const HEADERS = ['NAME', 'INSTALLED', 'FIXED-IN', 'TYPE', 'VULNERABILITY', 'SEVERITY', 'EPSS', 'KEV'];

function fixedIn(match: Match): string {
  const { state, versions } = match.vulnerability.fix;
  if (state === 'fixed') return versions.join(', ');
  if (state === 'wont-fix') return "(won't fix)";
  return '';
}

function epss(match: Match): string {
  const score = match.vulnerability.epss;
  if (!score) return '';
  return `${(score.score * 100).toFixed(1)}% (p${Math.floor(score.percentile * 100)})`;
}

export function tableRows(report: Pick<ScanReport, 'matches'>): string[][] {
  return [...report.matches]
    .sort(compareMatches)
    .map((m) => [
      m.package.name,
      m.package.version,
      fixedIn(m),
      m.package.type,
      m.vulnerability.id,
      m.vulnerability.severity,
      epss(m),
      m.vulnerability.kev ? 'yes' : '',
    ]);
}

/** One line per match, most severe first; ignored matches are only counted. */
export const tableReport: ReportFormat = {
  name: 'table',
  description:
    'a table for people: package, installed and fixed versions, vulnerability, severity, EPSS, KEV',
  encode(report) {
    const ignored = report.ignoredMatches.length
      ? `${report.ignoredMatches.length} matches ignored (VEX, ignore rules, --only-fixed); -o json lists them\n`
      : '';
    const warnings = report.warnings.map((w) => `warning: ${w}\n`).join('');
    if (!report.matches.length) return `No vulnerabilities found\n${ignored}${warnings}`;
    return renderTable(HEADERS, tableRows(report)) + ignored + warnings;
  },
};
