import { REFERENCE_GATES } from '../../bundle/testdata/reference-gates.js';
import type { GateContext, GateSpec, ParamValue, TriggerSpec } from '../../gates/types.js';

/**
 * The reference's gates (names and parameters, so the worked example validates) with just
 * enough behaviour to evaluate it: vulnerabilities/package fires per scan match whose severity
 * compares as asked (id `<vuln>+<package>`), dockerfile/effective_user fires for a listed
 * Config.User, metadata/attribute always fires (the image is "too big"). Every other trigger
 * never fires.
 */
const SEVERITY = ['unknown', 'negligible', 'low', 'medium', 'high', 'critical'];

const COMPARE: Record<string, (a: number, b: number) => boolean> = {
  '=': (a, b) => a === b,
  '!=': (a, b) => a !== b,
  '<': (a, b) => a < b,
  '>': (a, b) => a > b,
  '<=': (a, b) => a <= b,
  '>=': (a, b) => a >= b,
};

function vulnerablePackages(context: GateContext, params: Readonly<Record<string, ParamValue>>) {
  const wanted = SEVERITY.indexOf(String(params.severity ?? 'unknown'));
  const compare = COMPARE[String(params.severity_comparison ?? '>')] ?? COMPARE['>']!;
  return (context.scan?.matches ?? [])
    .filter((m) => compare(SEVERITY.indexOf(m.vulnerability.severity), wanted))
    .filter((m) => params.fix_available !== true || m.vulnerability.fix.state === 'fixed')
    .map((m) => ({
      message: `${m.vulnerability.severity.toUpperCase()} ${m.vulnerability.id} in ${m.package.name}`,
      identity: `${m.vulnerability.id}+${m.package.name}`,
      triggerId: `${m.vulnerability.id}+${m.package.name}`,
    }));
}

function effectiveUser(context: GateContext, params: Readonly<Record<string, ParamValue>>) {
  const user = context.sbom.image?.config.user || 'root';
  const listed = Array.isArray(params.users) && (params.users as string[]).includes(user);
  return listed === (params.type === 'blacklist') ? [{ message: `user ${user}`, identity: user }] : [];
}

const BEHAVIOUR: Record<string, TriggerSpec['evaluate']> = {
  'vulnerabilities/package': vulnerablePackages,
  'dockerfile/effective_user': effectiveUser,
  'metadata/attribute': (_context, params) => [
    {
      message: `${String(params.attribute)} ${String(params.check)} ${String(params.value)}`,
      identity: 'size',
    },
  ],
};

export const WORKED_EXAMPLE_GATES: readonly GateSpec[] = REFERENCE_GATES.map((gate) => ({
  ...gate,
  triggers: gate.triggers.map((trigger) => ({
    ...trigger,
    evaluate: BEHAVIOUR[`${gate.name}/${trigger.name}`] ?? (() => []),
  })),
}));
