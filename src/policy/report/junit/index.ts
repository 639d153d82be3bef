import { writeXmlDocument, type XmlElement } from '../../../xml/xml-writer.js';
import type { EvaluationResult, Finding } from '../../types.js';
import type { CheckReportFormat } from '../types.js';

/**
 * One test case per finding (rule × firing) and one for the final action. A STOP finding is a
 * failure; WARN, GO and allowlisted findings pass, with their action in the case's output, so
 * the CI test view agrees with the exit code (WARN passes). The final-action case fails when the
 * evaluation does, which also covers STOPs no finding explains (denied image, no mapping).
 */
function findingCase(finding: Finding): XmlElement {
  const what = `${finding.gate}/${finding.trigger} ${finding.triggerId}`;
  const attributes = { classname: `${finding.policyId}.${finding.ruleId}`, name: what };
  if (finding.action === 'stop') {
    return {
      name: 'testcase',
      attributes,
      children: [
        { name: 'failure', attributes: { message: finding.message, type: 'stop' }, text: finding.message },
      ],
    };
  }
  const note = finding.allowlisted
    ? `allowlisted by ${finding.allowlisted.allowlistId}:${finding.allowlisted.itemId} (rule action ${finding.ruleAction.toUpperCase()})`
    : finding.action.toUpperCase();
  return {
    name: 'testcase',
    attributes,
    children: [{ name: 'system-out', text: `${note}: ${finding.message}` }],
  };
}

function finalCase(result: EvaluationResult): XmlElement {
  const text = `${result.finalAction.toUpperCase()} (${result.finalActionReason}) for ${result.tag}`;
  const attributes = { classname: 'customs.check', name: 'final action' };
  if (result.status === 'fail') {
    return {
      name: 'testcase',
      attributes,
      children: [{ name: 'failure', attributes: { message: text, type: result.finalActionReason }, text }],
    };
  }
  return { name: 'testcase', attributes, children: [{ name: 'system-out', text }] };
}

function junitOf(result: EvaluationResult): XmlElement {
  const cases = [...result.findings.map(findingCase), finalCase(result)];
  const failures = String(cases.filter((c) => c.children?.some((child) => child.name === 'failure')).length);
  const properties: XmlElement[] = [
    { name: 'property', attributes: { name: 'image', value: result.tag } },
    { name: 'property', attributes: { name: 'bundle', value: result.bundle.id } },
    { name: 'property', attributes: { name: 'final_action', value: result.finalAction } },
    ...(result.grade ? [{ name: 'property', attributes: { name: 'grade', value: result.grade.grade } }] : []),
    ...result.problems.map((p) => ({
      name: 'property',
      attributes: { name: `problem.${p.type}`, value: p.details },
    })),
  ];
  const suite: XmlElement = {
    name: 'testsuite',
    attributes: {
      name: `customs check ${result.tag}`,
      tests: String(cases.length),
      failures,
      errors: '0',
      skipped: '0',
      timestamp: result.evaluatedAt.replace(/\.\d+Z$|Z$/, ''),
      time: '0',
    },
    children: [{ name: 'properties', children: properties }, ...cases],
  };
  return {
    name: 'testsuites',
    attributes: { name: 'customs check', tests: String(cases.length), failures, errors: '0' },
    children: [suite],
  };
}

export const junitCheckReport: CheckReportFormat = {
  name: 'junit',
  description:
    'JUnit XML: a failing case per STOP finding, passing cases for WARN/GO/allowlisted, one for the final action',
  encode: (result) => writeXmlDocument(junitOf(result)),
};
