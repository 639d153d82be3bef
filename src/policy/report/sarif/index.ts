import { customsVersion } from '../../../sbom/version.js';
import type { EvaluationResult, Finding } from '../../types.js';
import type { CheckReportFormat } from '../types.js';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

function levelOf(finding: Finding): 'error' | 'warning' | 'note' {
  return finding.action === 'stop' ? 'error' : finding.action === 'warn' ? 'warning' : 'note';
}

/** SARIF rules are the bundle's rules (policy and rule id); results their non-allowlisted firings. */
function sarifOf(result: EvaluationResult): object {
  const live = result.findings.filter((f) => !f.allowlisted);
  const rules = new Map<string, object>();
  for (const finding of live) {
    const id = `${finding.policyId}/${finding.ruleId}`;
    if (rules.has(id)) continue;
    rules.set(id, {
      id,
      name: `${finding.gate}/${finding.trigger}`,
      shortDescription: {
        text: `policy ${finding.policyId} rule ${finding.ruleId}: ${finding.gate}/${finding.trigger}`,
      },
      defaultConfiguration: { level: levelOf(finding) },
      properties: { tags: ['policy', finding.gate] },
    });
  }
  const results = live.map((finding) => ({
    ruleId: `${finding.policyId}/${finding.ruleId}`,
    level: levelOf(finding),
    message: {
      text: `${finding.message} (${finding.action.toUpperCase()}, trigger id ${finding.triggerId})`,
    },
    locations: [{ logicalLocations: [{ name: result.tag, kind: 'image' }] }],
    partialFingerprints: { 'customs-check/v1': `${finding.gate}/${finding.trigger}/${finding.triggerId}` },
  }));
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'customs', version: customsVersion(), rules: [...rules.values()] } },
        results,
        properties: {
          image: result.tag,
          ...(result.imageDigest ? { digest: result.imageDigest } : {}),
          finalAction: result.finalAction,
          finalActionReason: result.finalActionReason,
          bundle: result.bundle.id,
          ...(result.grade ? { grade: result.grade.grade, gradeReason: result.grade.reason } : {}),
        },
      },
    ],
  };
}

/** SARIF 2.1.0: one result per finding not allowlisted, error for STOP, warning for WARN. */
export const sarifCheckReport: CheckReportFormat = {
  name: 'sarif',
  description: 'SARIF 2.1.0: one result per finding not allowlisted (STOP error, WARN warning)',
  encode: (result) => `${JSON.stringify(sarifOf(result), null, 2)}\n`,
};
