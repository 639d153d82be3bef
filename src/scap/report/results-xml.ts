import { customsVersion } from '../../sbom/version.js';
import { writeXmlDocument, type XmlElement } from '../../xml/xml-writer.js';
import { NS } from '../namespaces.js';
import type { ScapEvaluation } from '../evaluate-image.js';
import type { RuleResult } from '../xccdf/rule-result.js';

const shortProfile = (id: string): string => id.replace(/^xccdf_[^_]+_profile_/, '');

function ruleResult(r: RuleResult, time: string): XmlElement {
  const children: XmlElement[] = [{ name: 'result', text: r.result }];
  for (const ident of r.idents)
    children.push({ name: 'ident', attributes: { system: ident.system }, text: ident.value });
  if (r.message) children.push({ name: 'message', attributes: { severity: 'info' }, text: r.message });
  if (r.check)
    children.push({
      name: 'check',
      attributes: { system: r.check.system },
      children: [{ name: 'check-content-ref', attributes: { href: r.check.href, name: r.check.name } }],
    });
  return {
    name: 'rule-result',
    attributes: {
      idref: r.ruleId,
      role: r.role,
      time,
      severity: r.severity,
      weight: String(r.weight),
    },
    children,
  };
}

/**
 * An XCCDF 1.2 TestResult document of the evaluation: the benchmark and profile evaluated, the
 * target image, the Values set for it, one rule-result per rule and the scores (the shape
 * `oscap xccdf eval --results` gives inside its Benchmark).
 */
export function testResultElement(evaluation: ScapEvaluation): XmlElement {
  const profile = evaluation.profile?.id;
  const id = `xccdf_org.customs_testresult_${profile ? shortProfile(profile) : 'default-profile'}`;
  const children: XmlElement[] = [
    {
      name: 'benchmark',
      attributes: {
        href: evaluation.content.benchmarkRef
          ? `#${evaluation.content.benchmarkRef}`
          : evaluation.content.path,
        id: evaluation.benchmark.id,
      },
    },
    { name: 'title', text: `Customs evaluation of ${evaluation.benchmark.title || evaluation.benchmark.id}` },
    ...(profile ? [{ name: 'profile', attributes: { idref: profile } }] : []),
    { name: 'target', text: evaluation.target.reference },
    {
      name: 'target-facts',
      children: [
        {
          name: 'fact',
          attributes: { name: 'urn:xccdf:fact:scanner:name', type: 'string' },
          text: 'Customs',
        },
        {
          name: 'fact',
          attributes: { name: 'urn:xccdf:fact:scanner:version', type: 'string' },
          text: customsVersion(),
        },
        ...(evaluation.target.digest
          ? [
              {
                name: 'fact',
                attributes: { name: 'urn:customs:fact:image:digest', type: 'string' },
                text: evaluation.target.digest,
              },
            ]
          : []),
      ],
    },
    ...[...evaluation.values].map(([idref, value]) => ({
      name: 'set-value',
      attributes: { idref },
      text: value,
    })),
    ...evaluation.results.map((r) => ruleResult(r, evaluation.endTime)),
    ...evaluation.scores.map((s) => ({
      name: 'score',
      attributes: { system: s.system, maximum: String(s.maximum) },
      text: String(s.value),
    })),
  ];
  return {
    name: 'TestResult',
    attributes: {
      xmlns: NS.xccdf12,
      id,
      'start-time': evaluation.startTime,
      'end-time': evaluation.endTime,
      version: evaluation.benchmark.version,
      'test-system': `cpe:/a:customs:customs:${customsVersion()}`,
    },
    children,
  };
}

export function encodeResultsXml(evaluation: ScapEvaluation): string {
  return writeXmlDocument(testResultElement(evaluation));
}
