import type { Match, ScanReport } from '../../scan/types.js';
import type { Severity } from '../../vulndb/model.js';
import type { ReportFormat } from '../types.js';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

type Level = 'error' | 'warning' | 'note' | 'none';

/** SARIF levels as code-scanning tools read them: high and critical fail a check. */
function levelOf(severity: Severity): Level {
  if (severity === 'critical' || severity === 'high') return 'error';
  if (severity === 'medium') return 'warning';
  return 'note';
}

/** GitHub code scanning's `security-severity`: the highest CVSS base score, or one from the word. */
function securitySeverity(match: Match): string {
  const scores = match.vulnerability.cvss.map((c) => c.baseScore);
  if (scores.length > 0) return Math.max(...scores).toFixed(1);
  const bySeverity: Record<Severity, string> = {
    critical: '9.5',
    high: '8.0',
    medium: '5.5',
    low: '2.0',
    negligible: '0.5',
    unknown: '0.0',
  };
  return bySeverity[match.vulnerability.severity];
}

/** The rule of a match: one per (vulnerability, package name), as code scanning groups alerts. */
function ruleId(match: Match): string {
  return `${match.vulnerability.id}-${match.package.name}`;
}

function fixText(match: Match): string {
  const { fix } = match.vulnerability;
  return fix.state === 'fixed' && fix.versions.length > 0
    ? `fixed in ${fix.versions.join(', ')}`
    : fix.state === 'wont-fix'
      ? 'the distribution will not fix it'
      : 'no fix available yet';
}

function messageOf(match: Match, image: string): string {
  const { vulnerability: v, package: p } = match;
  return `${v.id} (${v.severity}) in ${p.name} ${p.version} (${p.type}) in ${image}: ${fixText(match)}`;
}

/** Paths in SARIF are URIs relative to the scanned image's root. */
function artifactUri(path: string): string {
  return encodeURI(path.replace(/^\/+/, ''));
}

function sarifOf(report: ScanReport): object {
  const image = report.source.reference;
  const rules = new Map<string, object>();
  for (const match of report.matches) {
    const id = ruleId(match);
    if (rules.has(id)) continue;
    const v = match.vulnerability;
    rules.set(id, {
      id,
      name: v.id,
      shortDescription: { text: `${v.id} ${v.severity} vulnerability for ${match.package.name}` },
      fullDescription: { text: v.summary ?? `${v.id} affects ${match.package.name}` },
      ...(v.references[0] ? { helpUri: v.references[0] } : {}),
      help: {
        text: `Vulnerability ${v.id}\nSeverity: ${v.severity}\nPackage: ${match.package.name}\nFix: ${fixText(match)}`,
      },
      defaultConfiguration: { level: levelOf(v.severity) },
      properties: {
        'security-severity': securitySeverity(match),
        tags: ['security', 'vulnerability', v.severity],
      },
    });
  }
  const results = report.matches.map((match) => {
    const location = match.package.locations[0]?.path ?? '/';
    return {
      ruleId: ruleId(match),
      level: levelOf(match.vulnerability.severity),
      message: { text: messageOf(match, image) },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: artifactUri(location) },
            region: { startLine: 1 },
          },
          logicalLocations: [{ name: `${match.package.name}@${match.package.version}`, kind: 'package' }],
        },
      ],
      partialFingerprints: {
        'customs/v1': `${match.vulnerability.id}/${match.package.type}/${match.package.name}/${match.package.version}`,
      },
    };
  });
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'customs',
            version: report.descriptor.version,
            rules: [...rules.values()],
          },
        },
        results,
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: report.warnings.map((text) => ({
              level: 'warning',
              message: { text },
            })),
          },
        ],
        properties: { image, ...(report.source.digest ? { digest: report.source.digest } : {}) },
      },
    ],
  };
}

/** SARIF 2.1.0 for code-scanning UIs (GitHub, GitLab, Azure DevOps): one result per match. */
export const sarifReport: ReportFormat = {
  name: 'sarif',
  description: 'SARIF 2.1.0, for code scanning (GitHub, GitLab, Azure DevOps)',
  encode: (report) => `${JSON.stringify(sarifOf(report), null, 2)}\n`,
};
