import type { Finding, EvaluationResult } from '../../src/policy/types.js';
import { sampleResult } from '../../src/policy/report/testdata/sample-result.js';
import { sampleReport } from '../../src/report/testdata/sample-report.js';
import type { Match, ScanReport } from '../../src/scan/types.js';
import type { Severity } from '../../src/vulndb/model.js';
import { picker, seededRandom } from './seeded-random.js';

/** Package names of the large reports; `libxml2` is on every tenth row and nowhere else. */
const NAMES = ['openssl', 'glibc', 'log4j-core', 'spring-webmvc', 'jackson-databind', 'zlib', 'curl'];
const SEVERITIES: Severity[] = ['critical', 'high', 'medium', 'low', 'negligible', 'unknown'];
/** A path of one unbroken word, longer than any screen is wide. */
const LONG_JAR = `/opt/app/BOOT-INF/lib/${'nested_archive_'.repeat(12)}bundle-2.17.1.jar`;

/** The name of row `i` of a large report. */
export function largeReportName(i: number): string {
  return i % 10 === 0 ? 'libxml2' : (NAMES[i % NAMES.length] ?? 'curl');
}

function shuffled<T>(items: T[], rnd: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

/**
 * A scan report of `rows` matches (300 by default) in a shuffled order, with the long unbroken
 * paths, ids and digests real Java images have, for the HTML report's browser test.
 */
export function largeScanReport(rows = 300): ScanReport {
  const base = sampleReport();
  const [template] = base.matches;
  if (!template) throw new Error('the sample report needs a match');
  const rnd = seededRandom(15);
  const pick = picker(rnd);
  const matches: Match[] = Array.from({ length: rows }, (_, i) => {
    const name = largeReportName(i);
    const id = i % 3 === 0 ? `GHSA-${(1000 + i).toString(36)}-x7q2-9v3m` : `CVE-2024-${10_000 + i}`;
    return {
      ...template,
      vulnerability: {
        ...template.vulnerability,
        id,
        severity: pick(SEVERITIES),
        references: [`https://security-tracker.debian.org/tracker/${id}`],
        fix: { state: 'fixed', versions: [`${i}.0.${'9'.repeat(i % 40)}-1+deb12u${i}`] },
      },
      package: {
        ...template.package,
        id: `pkg-${i}`,
        name,
        version: `2.${i}.0`,
        locations: [
          { path: `${LONG_JAR}!/META-INF/maven/org.example/${name}-${i}/pom.properties` },
          { path: `/usr/share/doc/${name}/copyright`, layer: `sha256:${'ab'.repeat(32)}` },
        ],
      },
    };
  });
  return {
    ...base,
    source: { ...base.source, reference: `oci-dir:${LONG_JAR.replace(/\.jar$/, '')}:latest` },
    matches: shuffled(matches, rnd),
  };
}

/**
 * A policy evaluation of `rows` findings (288 by default) in evaluation order, where the GO and
 * WARN findings of the first gates come before the STOPs of the vulnerabilities gate.
 */
export function largeCheckResult(rows = 288): EvaluationResult {
  const base = sampleResult();
  const findings: Finding[] = Array.from({ length: rows }, (_, i) => {
    const name = largeReportName(i);
    const action = i < rows / 2 ? (i % 2 === 0 ? 'go' : 'warn') : i % 4 === 0 ? 'warn' : 'stop';
    const vuln = `CVE-2024-${10_000 + i}`;
    return {
      gate: i < rows / 2 ? 'files' : 'vulnerabilities',
      trigger: i < rows / 2 ? 'content_regex_match' : 'package',
      triggerId: `${vuln}+${name}-${'0123456789abcdef'.repeat(4)}`,
      message:
        i < rows / 2
          ? `File ${LONG_JAR}!/${name}/config.properties matches the pattern`
          : `HIGH Vulnerability found in java package ${name} (fixed in: 2.${i}.1)(${vuln} - https://nvd.nist.gov/vuln/detail/${vuln})`,
      action,
      ruleAction: action,
      allowlisted: false,
      policyId: 'customs-default',
      ruleId: `control-${'x'.repeat(40)}-${i}`,
    };
  });
  return { ...base, tag: `registry.example.org/${'team/'.repeat(20)}app:1`, findings };
}
