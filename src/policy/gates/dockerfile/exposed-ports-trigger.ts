import { boolParam, numberListParam, stringParam } from '../../trigger-params/read-params.js';
import type { Firing, GateContext, BuiltinTrigger } from '../types.js';
import { dockerfileInstructions, hasActualDockerfile } from './instructions.js';
import { LIST_TYPES, listKind } from './list-type.js';

/** One exposed port as written (`22`, `22/tcp`, `53/udp`, a range `8000-8010/tcp`) and its numbers. */
interface ExposedPort {
  text: string;
  low: number;
  high: number;
}

function parsePort(text: string): ExposedPort | undefined {
  const match = /^(\d+)(?:-(\d+))?(?:\/(tcp|udp|sctp))?$/i.exec(text.trim());
  if (!match?.[1]) return undefined;
  const low = Number(match[1]);
  const high = match[2] ? Number(match[2]) : low;
  return high >= low ? { text: text.trim(), low, high } : undefined;
}

/**
 * Ports of a supplied Dockerfile's EXPOSE lines; otherwise the image config's ExposedPorts (which
 * also holds ports a base image exposed), or the reconstruction's EXPOSE lines without a config.
 * Ports given as variables (`$PORT`) cannot be read and are left out.
 */
export function exposedPorts(context: GateContext): ExposedPort[] {
  const config = context.sbom.image?.config;
  const texts =
    !hasActualDockerfile(context) && config && Array.isArray(config.exposedPorts)
      ? config.exposedPorts
      : dockerfileInstructions(context)
          .filter((i) => i.instruction === 'EXPOSE')
          .flatMap((i) => i.args.split(/\s+/));
  const seen = new Set<string>();
  const ports: ExposedPort[] = [];
  for (const text of texts) {
    const port = typeof text === 'string' ? parsePort(text) : undefined;
    if (port && !seen.has(port.text)) {
      seen.add(port.text);
      ports.push(port);
    }
  }
  return ports;
}

export const exposedPortsTrigger: BuiltinTrigger = {
  name: 'exposed_ports',
  description:
    'Fires for each exposed port (p, p/tcp, p/udp) that is listed (blacklist) or not listed (whitelist).',
  params: [
    { name: 'ports', type: 'csv-int', required: true, description: 'Port numbers.' },
    {
      name: 'type',
      type: 'enum',
      required: true,
      values: LIST_TYPES,
      description:
        'whitelist (allowlist): fire for ports not listed; blacklist (denylist): fire for listed ports.',
    },
    {
      name: 'actual_dockerfile_only',
      type: 'bool',
      default: 'false',
      description: 'Only check a Dockerfile supplied by the user.',
    },
  ],
  evaluate(context, params) {
    const kind = listKind(stringParam(params, 'type'));
    const listedPorts = numberListParam(params, 'ports');
    if (!kind) return [];
    if (boolParam(params, false, 'actual_dockerfile_only') && !hasActualDockerfile(context)) return [];
    const firings: Firing[] = [];
    for (const port of exposedPorts(context)) {
      const listed = listedPorts.some((p) => p >= port.low && p <= port.high);
      if (kind === 'deny' && listed)
        firings.push({
          message: `Dockerfile exposes port ${port.text}, which is denied`,
          identity: port.text,
        });
      if (kind === 'allow' && !listed)
        firings.push({
          message: `Dockerfile exposes port ${port.text}, which is not among the allowed ports`,
          identity: port.text,
        });
    }
    return firings;
  },
};
