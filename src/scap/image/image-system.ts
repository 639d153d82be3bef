import type { ImageConfig } from '../../source/oci-types.js';

const MACHINES: Record<string, string> = {
  amd64: 'x86_64',
  '386': 'i686',
  arm64: 'aarch64',
  arm: 'armv7l',
  ppc64le: 'ppc64le',
  ppc64: 'ppc64',
  s390x: 's390x',
  riscv64: 'riscv64',
  mips64le: 'mips64',
};

/** `uname -m` of a machine running the image's architecture (OCI names as Go spells them). */
export function machineOf(config: ImageConfig): string | undefined {
  return config.architecture ? MACHINES[config.architecture] : undefined;
}

/** The image config's `Env` as a map (a later duplicate wins, as in a process environment). */
export function environmentOf(config: ImageConfig): Map<string, string> {
  const env = new Map<string, string>();
  for (const entry of config.config?.Env ?? []) {
    const eq = entry.indexOf('=');
    if (eq > 0) env.set(entry.slice(0, eq), entry.slice(eq + 1));
  }
  return env;
}
