import type { ImageConfigSummary } from '../model/image.js';
import type { ContainerConfig } from '../source/oci-types.js';

function portKey(port: string): [number, string] {
  const [number, protocol] = port.split('/');
  return [Number.parseInt(number ?? '', 10), protocol ?? 'tcp'];
}

/** `8080/tcp` strings (a bare `8080` gains `/tcp`), by port number then protocol. */
export function exposedPortList(ports: Record<string, object> | undefined): string[] {
  return Object.keys(ports ?? {})
    .map((port) => (port.includes('/') ? port : `${port}/tcp`))
    .sort((a, b) => {
      const [pa, protoA] = portKey(a);
      const [pb, protoB] = portKey(b);
      if (pa !== pb)
        return (Number.isNaN(pa) ? Infinity : pa) - (Number.isNaN(pb) ? Infinity : pb) || (a < b ? -1 : 1);
      return protoA < protoB ? -1 : protoA > protoB ? 1 : 0;
    });
}

function nonEmptyArray(value: string[] | null | undefined): string[] | undefined {
  return Array.isArray(value) ? [...value] : undefined;
}

/** The parts of the container config that matter to a reviewer, with empty things made explicit. */
export function summariseConfig(config: ContainerConfig | undefined): ImageConfigSummary {
  const c = config ?? {};
  const summary: ImageConfigSummary = {
    env: Array.isArray(c.Env) ? [...c.Env] : [],
    exposedPorts: exposedPortList(c.ExposedPorts),
    labels: { ...(c.Labels ?? {}) },
    volumes: Object.keys(c.Volumes ?? {}).sort(),
  };
  if (c.User) summary.user = c.User;
  const entrypoint = nonEmptyArray(c.Entrypoint);
  if (entrypoint) summary.entrypoint = entrypoint;
  const cmd = nonEmptyArray(c.Cmd);
  if (cmd) summary.cmd = cmd;
  if (c.WorkingDir) summary.workingDir = c.WorkingDir;
  if (c.StopSignal) summary.stopSignal = c.StopSignal;
  const hc = c.Healthcheck;
  if (hc && Array.isArray(hc.Test) && hc.Test.length > 0) {
    const healthcheck: NonNullable<ImageConfigSummary['healthcheck']> = { test: [...hc.Test] };
    if (hc.Interval) healthcheck.interval = hc.Interval;
    if (hc.Timeout) healthcheck.timeout = hc.Timeout;
    if (hc.StartPeriod) healthcheck.startPeriod = hc.StartPeriod;
    if (hc.Retries) healthcheck.retries = hc.Retries;
    summary.healthcheck = healthcheck;
  }
  return summary;
}
