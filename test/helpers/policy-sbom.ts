// Small hand-built SBOMs for gate tests, shaped like the polyglot image's (a Debian image with a
// user appuser, EXPOSE 22/tcp 3000/tcp, a setuid shell, a private key).
import type { FileEntry } from '../../src/model/file-entry.js';
import type { Package } from '../../src/model/package.js';
import type { Sbom } from '../../src/model/sbom.js';
import type {
  BuiltinGate,
  GateContext,
  GateSpec,
  ParamValue,
  TriggerSpec,
} from '../../src/policy/gates/types.js';
import type { Match, ScanReport } from '../../src/scan/types.js';

const LAYER = 'sha256:' + 'a'.repeat(64);

export const POLYGLOT_PASSWD =
  [
    'root:x:0:0:root:/root:/bin/bash',
    'daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin',
    'appuser:x:1000:1000::/home/appuser:/bin/bash',
    'nopass:x:1001:1001::/home/nopass:/bin/sh',
  ].join('\n') + '\n';

export function file(path: string, mode: number, extra: Partial<FileEntry> = {}): FileEntry {
  return {
    path,
    type: 'file',
    mode,
    modeText: (mode & 0o7777).toString(8).padStart(3, '0'),
    uid: 0,
    gid: 0,
    size: 10,
    layer: LAYER,
    layerIndex: 0,
    ...extra,
  };
}

export function pkg(name: string, version: string, extra: Partial<Package> = {}): Package {
  return {
    id: `${name}-${version}`,
    name,
    version,
    type: 'deb',
    locations: [{ path: '/var/lib/dpkg/status', layer: LAYER, layerIndex: 0 }],
    foundBy: 'dpkg',
    ...extra,
  };
}

/** A minimal SBOM like the polyglot image's; `overrides` replace whole top-level fields. */
export function policySbom(overrides: Partial<Sbom> = {}): Sbom {
  return {
    schema: 'customs-sbom/1',
    descriptor: { name: 'customs', version: '0.0.0-test', timestamp: '2026-01-01T00:00:00.000Z' },
    scope: 'squashed',
    source: {
      type: 'registry',
      reference: 'docker.io/acme/polyglot:1',
      digest: 'sha256:' + 'd'.repeat(64),
      layers: [
        {
          index: 0,
          digest: 'sha256:' + '1'.repeat(64),
          diffId: 'sha256:' + 'b'.repeat(64),
          mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
          size: 1024,
        },
        {
          index: 1,
          digest: 'sha256:' + '2'.repeat(64),
          diffId: 'sha256:' + 'c'.repeat(64),
          mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
          size: 2048,
        },
      ],
    },
    distro: { id: 'debian', versionId: '12', versionCodename: 'bookworm' },
    packages: [
      pkg('openssl', '3.0.20-1~deb12u2', { licenses: ['Apache-2.0'] }),
      pkg('bash', '5.2.15-2+b7', { licenses: ['GPL-3.0-or-later'] }),
      pkg('lodash', '4.17.21', { type: 'npm', foundBy: 'npm', licenses: ['MIT'] }),
    ],
    relationships: [],
    image: {
      architecture: 'amd64',
      os: 'linux',
      config: {
        user: 'appuser',
        env: ['PATH=/usr/bin:/bin'],
        exposedPorts: ['22/tcp', '3000/tcp'],
        labels: {},
        volumes: [],
      },
      history: [],
      dockerfile:
        'ADD file:abc /\nCMD ["bash"]\nRUN apt-get install -y openssl\nEXPOSE 22/tcp 3000/tcp\nUSER appuser\nCMD ["node","server.js"]\n',
      layers: [],
    },
    files: [
      file('/usr/local/bin/suid-sh', 0o4755, { flags: ['setuid'] }),
      file('/tmp', 0o1777, { type: 'dir', flags: ['world-writable', 'sticky'] }),
    ],
    secrets: [
      {
        ruleId: 'private-key',
        category: 'AsymmetricPrivateKey',
        title: 'Asymmetric Private Key',
        severity: 'HIGH',
        path: '/root/.ssh/id_rsa',
        line: 2,
        match: '****',
      },
    ],
    users: [],
    groups: [],
    retrievedFiles: [
      {
        path: '/etc/passwd',
        contentBase64: Buffer.from(POLYGLOT_PASSWD).toString('base64'),
        size: POLYGLOT_PASSWD.length,
        truncated: false,
      },
    ],
    contentMatches: [],
    malware: [],
    unknowns: [],
    warnings: [],
    ...overrides,
  };
}

export function gateContext(sbom: Sbom = policySbom(), extra: Partial<GateContext> = {}): GateContext {
  return { sbom, now: new Date('2026-06-01T00:00:00Z'), ...extra };
}

/** The trigger of that name; throws when the gate has none (a test bug). */
export function triggerOf<Trigger extends TriggerSpec>(gate: GateSpec<Trigger>, name: string): Trigger {
  const trigger = gate.triggers.find((t) => t.name === name);
  if (!trigger) throw new Error(`${gate.name} has no trigger ${name}`);
  return trigger;
}

/** Identities of the firings of `gate/trigger` on `context` with `params`. */
export function fire(
  gate: BuiltinGate,
  trigger: string,
  context: GateContext,
  params: Record<string, ParamValue> = {},
): string[] {
  return triggerOf(gate, trigger)
    .evaluate(context, params)
    .map((f) => f.identity);
}

/** A vulnerability match on openssl 1 with the given severity, fix state and dates. */
export function vulnMatch(
  id: string,
  severity: string,
  state: string,
  dates: { fixPublished?: string; published?: string } = {},
): Match {
  return {
    vulnerability: {
      id,
      severity,
      aliases: [],
      fix: { state, versions: state === 'fixed' ? ['2'] : [] },
      cvss: [],
      references: [],
      ...dates,
    },
    package: { id: 'p', name: 'openssl', version: '1', type: 'deb', locations: [] },
    details: {
      kind: 'distro',
      namespace: 'debian:12',
      searchedName: 'openssl',
      searchedVersion: '1',
      constraint: '< 2',
      provider: 'debian',
    },
  } as Match;
}

/** A scan report holding only these matches (what the grade reads). */
export function scanOf(matches: Match[]): ScanReport {
  return { matches, ignoredMatches: [] } as unknown as ScanReport;
}
