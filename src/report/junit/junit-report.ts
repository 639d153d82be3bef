import type { Match, ScanReport } from '../../scan/types.js';
import { writeXmlDocument, type XmlElement } from '../../xml/xml-writer.js';
import type { ReportFormat } from '../types.js';

function failureText(match: Match): string {
  const { vulnerability: v, package: p } = match;
  const fix = v.fix.state === 'fixed' ? `fixed in ${v.fix.versions.join(', ')}` : `fix state: ${v.fix.state}`;
  const lines = [
    `${v.id} (${v.severity}) in ${p.name} ${p.version} (${p.type})`,
    fix,
    `matched through ${match.details.kind} data ${match.details.namespace}: ${match.details.searchedName} ${match.details.searchedVersion} ${match.details.constraint}`,
    ...p.locations.map((l) => `found at ${l.path}${l.layer ? ` (layer ${l.layer})` : ''}`),
    ...v.references.slice(0, 3),
  ];
  return lines.join('\n');
}

function testcase(match: Match): XmlElement {
  const { vulnerability: v, package: p } = match;
  return {
    name: 'testcase',
    attributes: { classname: `${p.type}.${p.name}`, name: `${v.id} ${p.name}@${p.version}` },
    children: [
      {
        name: 'failure',
        attributes: { message: `${v.id} ${v.severity} in ${p.name} ${p.version}`, type: v.severity },
        text: failureText(match),
      },
    ],
  };
}

/**
 * JUnit XML as CI servers read it (Jenkins, GitLab, Azure): one failed test case per match, so the
 * pipeline's test view lists them; a clean image is one passing case.
 */
function junitOf(report: ScanReport): XmlElement {
  const cases: XmlElement[] =
    report.matches.length > 0
      ? report.matches.map(testcase)
      : [
          {
            name: 'testcase',
            attributes: { classname: 'customs', name: `no vulnerabilities in ${report.source.reference}` },
          },
        ];
  const failures = String(report.matches.length);
  const suite: XmlElement = {
    name: 'testsuite',
    attributes: {
      name: `customs scan ${report.source.reference}`,
      tests: String(cases.length),
      failures,
      errors: '0',
      skipped: '0',
      timestamp: report.descriptor.timestamp.replace(/\.\d+Z$|Z$/, ''),
      time: '0',
    },
    children: [
      {
        name: 'properties',
        children: [
          { name: 'property', attributes: { name: 'image', value: report.source.reference } },
          { name: 'property', attributes: { name: 'database', value: report.database.location } },
          ...report.warnings.map((w) => ({ name: 'property', attributes: { name: 'warning', value: w } })),
        ],
      },
      ...cases,
    ],
  };
  return {
    name: 'testsuites',
    attributes: { name: 'customs', tests: String(cases.length), failures, errors: '0' },
    children: [suite],
  };
}

export const junitReport: ReportFormat = {
  name: 'junit',
  description: 'JUnit XML: one failing test case per vulnerability, for CI test views',
  encode: (report) => writeXmlDocument(junitOf(report)),
};
