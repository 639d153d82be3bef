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

/**
 * The severity, with where it came from when the matched record did not rate itself
 * (`critical (nvd)`: NVD's score of the CVE; `high (ghsa)`: the GitHub advisory's).
 */
function severity(match: Match): string {
  const { id, severity: rated, severitySource: from } = match.vulnerability;
  const borrowed = from && (from.id !== id || (from.source === 'nvd' && match.details.provider !== 'nvd'));
  return borrowed ? `${rated} (${from.source})` : rated;
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
      severity(m),
      epss(m),
      m.vulnerability.kev ? 'yes' : '',
    ]);
}

/**
 * One line per match, most severe first. Only the report: warnings and the count of ignored
 * matches are diagnostics the caller shows apart (the CLI on stderr), so a table redirected to a
 * file holds nothing else.
 */
export const tableReport: ReportFormat = {
  name: 'table',
  description:
    'a table for people: package, installed and fixed versions, vulnerability, severity, EPSS, KEV',
  encode(report) {
    if (!report.matches.length) return 'No vulnerabilities found\n';
    return renderTable(HEADERS, tableRows(report));
  },
};
