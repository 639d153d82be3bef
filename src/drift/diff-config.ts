import type { ImageMetadata } from '../model/image.js';
import type { ConfigChange } from './types.js';

type Config = ImageMetadata['config'];

const text = (value: unknown): string | undefined =>
  value === undefined || value === null
    ? undefined
    : typeof value === 'string'
      ? value
      : JSON.stringify(value);

function envMap(env: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const entry of env) {
    const eq = entry.indexOf('=');
    out.set(eq < 0 ? entry : entry.slice(0, eq), eq < 0 ? '' : entry.slice(eq + 1));
  }
  return out;
}

function diffMaps(field: string, a: Map<string, string>, b: Map<string, string>, out: ConfigChange[]): void {
  const keys = [...new Set([...a.keys(), ...b.keys()])].sort();
  for (const key of keys) {
    const [before, after] = [a.get(key), b.get(key)];
    if (before !== after)
      out.push({
        field,
        key,
        ...(before !== undefined ? { before } : {}),
        ...(after !== undefined ? { after } : {}),
      });
  }
}

function diffSets(field: string, a: readonly string[], b: readonly string[], out: ConfigChange[]): void {
  const was = new Set(a);
  const now = new Set(b);
  for (const key of [...new Set([...a, ...b])].sort()) {
    if (was.has(key) && !now.has(key)) out.push({ field, key, before: key });
    if (!was.has(key) && now.has(key)) out.push({ field, key, after: key });
  }
}

/**
 * The image configuration, setting by setting: user, working dir, entrypoint, cmd, stop signal
 * and healthcheck whole; env and labels per key; exposed ports and volumes per entry; the
 * platform. An image without a configuration (an SBOM of a directory) counts as an empty one.
 */
export function diffConfig(before: ImageMetadata | null, after: ImageMetadata | null): ConfigChange[] {
  const empty: Config = { env: [], exposedPorts: [], labels: {}, volumes: [] };
  const [a, b] = [before?.config ?? empty, after?.config ?? empty];
  const out: ConfigChange[] = [];
  const whole: [string, unknown, unknown][] = [
    ['user', a.user, b.user],
    ['workingDir', a.workingDir, b.workingDir],
    ['entrypoint', a.entrypoint, b.entrypoint],
    ['cmd', a.cmd, b.cmd],
    ['stopSignal', a.stopSignal, b.stopSignal],
    ['healthcheck', a.healthcheck, b.healthcheck],
    ['platform', platform(before), platform(after)],
  ];
  for (const [field, x, y] of whole) {
    const [tx, ty] = [text(x), text(y)];
    if (tx !== ty)
      out.push({
        field,
        ...(tx !== undefined ? { before: tx } : {}),
        ...(ty !== undefined ? { after: ty } : {}),
      });
  }
  diffMaps('env', envMap(a.env), envMap(b.env), out);
  diffMaps('labels', new Map(Object.entries(a.labels)), new Map(Object.entries(b.labels)), out);
  diffSets('exposedPorts', a.exposedPorts, b.exposedPorts, out);
  diffSets('volumes', a.volumes, b.volumes, out);
  return out;
}

function platform(image: ImageMetadata | null): string | undefined {
  if (!image || (!image.os && !image.architecture)) return undefined;
  return [image.os, image.architecture, image.variant].filter(Boolean).join('/');
}
