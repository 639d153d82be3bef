// The example plugins in examples/plugins run for real (sh and python3), alone and as policy
// gates inside a bundle evaluation.
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { policySbom } from '../../test/helpers/policy-sbom.js';
import { tempDir } from '../../test/helpers/temp-dir.js';
import { readBundle } from '../policy/bundle/read-bundle.js';
import { evaluateWithGates } from '../policy/evaluate/evaluate-with-gates.js';
import type { GateSpec } from '../policy/gates/types.js';
import type { PolicyBundle } from '../policy/types.js';
import { describePlugin, loadPluginGate } from './describe-plugin.js';
import { readGateOutput } from './gate-output.js';
import { pluginGate } from './plugin-gate.js';
import { PLUGIN_PROTOCOL } from './protocol.js';
import { runPlugin } from './run-plugin.js';

const EXAMPLES = join(import.meta.dirname, '..', '..', 'examples', 'plugins');
const SHELL_GATE = join(EXAMPLES, 'shell-gate.sh');
const PYTHON_GATE = join(EXAMPLES, 'python_gate.py');
const sbom = policySbom(); // openssl, bash (deb), lodash (npm)

const gateRun = (path: string, params: Record<string, unknown>) =>
  runPlugin(path, { protocol: PLUGIN_PROTOCOL, kind: 'gate', sbom, params } as never);

describe('examples/plugins/shell-gate.sh', () => {
  it('fires when the image has more packages than max_packages', async () => {
    expect(readGateOutput('sh', await gateRun(SHELL_GATE, { max_packages: 2 }))).toEqual([
      {
        trigger: 'too_many_packages',
        message: 'The image has 3 packages, more than 2',
        identity: 'package-count',
        action: 'warn',
      },
    ]);
    expect(readGateOutput('sh', await gateRun(SHELL_GATE, { max_packages: 3 }))).toEqual([]);
  });

  it('fails with its message when max_packages is missing', async () => {
    await expect(gateRun(SHELL_GATE, {})).rejects.toThrow(
      'plugin shell-gate.sh failed: shell-gate: parameter max_packages is missing',
    );
  });

  it('describes its parameter', async () => {
    const described = await describePlugin(SHELL_GATE);
    expect(described.params).toEqual([
      expect.objectContaining({ name: 'max_packages', type: 'int', required: true }),
    ]);
  });
});

describe('examples/plugins/python_gate.py', () => {
  it('fires once per installed package on the denied list', async () => {
    const output = await gateRun(PYTHON_GATE, { denied_packages: ['bash', 'telnet', 'lodash'] });
    expect(readGateOutput('py', output).map((f) => f.identity)).toEqual([
      'deb:bash@5.2.15-2+b7',
      'npm:lodash@4.17.21',
    ]);
    expect(readGateOutput('py', await gateRun(PYTHON_GATE, { denied_packages: ['telnet'] }))).toEqual([]);
  });

  it('describes its parameter as a csv list', async () => {
    expect((await describePlugin(PYTHON_GATE)).params).toEqual([
      expect.objectContaining({ name: 'denied_packages', type: 'csv', required: true }),
    ]);
  });
});

function bundleDoc(rules: object[]): object {
  return {
    id: 'plugins',
    version: '1_0',
    policies: [{ id: 'p', version: '1_0', rules }],
    mappings: [
      {
        id: 'm',
        registry: '*',
        repository: '*',
        image: { type: 'tag', value: '*' },
        policy_ids: ['p'],
        whitelist_ids: [],
      },
    ],
  };
}

async function evaluate(doc: object, gates: readonly GateSpec[]) {
  const { bundle, problems } = readBundle(doc, gates);
  expect(problems).toEqual([]);
  return evaluateWithGates(bundle as PolicyBundle, { sbom }, {}, gates);
}

describe('plugins as policy gates', () => {
  it('bundles name them plugin:<name> with the parameters they describe', async () => {
    const gates = [
      await loadPluginGate(SHELL_GATE, 'package-count'),
      await loadPluginGate(PYTHON_GATE, 'denied-packages'),
    ];
    const result = await evaluate(
      bundleDoc([
        {
          id: 'count',
          gate: 'plugin:package-count',
          trigger: 'findings',
          action: 'WARN',
          params: [{ name: 'max_packages', value: '2' }],
        },
        {
          id: 'denied',
          gate: 'plugin:denied-packages',
          trigger: 'findings',
          action: 'STOP',
          params: [{ name: 'denied_packages', value: 'bash,telnet' }],
        },
      ]),
      gates,
    );
    expect(result.findings.map((f) => [f.gate, f.ruleId, f.action, f.message])).toEqual([
      ['plugin:package-count', 'count', 'warn', 'too_many_packages: The image has 3 packages, more than 2'],
      [
        'plugin:denied-packages',
        'denied',
        'stop',
        'denied_package: Denied package bash 5.2.15-2+b7 (deb) is installed',
      ],
    ]);
    expect(result.finalAction).toBe('stop');
  });

  it('rejects a parameter the plugin did not declare', async () => {
    const gate = await loadPluginGate(PYTHON_GATE, 'denied-packages');
    const doc = bundleDoc([
      {
        gate: 'plugin:denied-packages',
        trigger: 'findings',
        action: 'STOP',
        params: [{ name: 'max', value: '1' }],
      },
    ]);
    const messages = readBundle(doc, [gate]).problems.map((p) => p.message);
    expect(messages).toContain('trigger findings needs parameter "denied_packages"');
    expect(messages.some((m) => m.startsWith('unknown parameter "max"'))).toBe(true);
  });

  it('plugin_action selects the findings the plugin marked', async () => {
    const gate = await loadPluginGate(SHELL_GATE, 'package-count');
    const rule = (id: string, pluginAction: string) => ({
      id,
      gate: 'plugin:package-count',
      trigger: 'findings',
      action: 'STOP',
      params: [
        { name: 'max_packages', value: '0' },
        { name: 'plugin_action', value: pluginAction },
      ],
    });
    const result = await evaluate(bundleDoc([rule('on-stop', 'stop'), rule('on-warn', 'warn')]), [gate]);
    expect(result.findings.map((f) => f.ruleId)).toEqual(['on-warn']);
  });

  it('a failing plugin is a failed rule, reported with its one-line error', async () => {
    const dir = tempDir('customs-plugin-gate-');
    const path = join(dir, 'broken');
    writeFileSync(path, '#!/bin/sh\necho "cannot read SBOM" >&2\nexit 1\n');
    chmodSync(path, 0o755);
    const gate = pluginGate(path, 'broken');
    const { bundle } = readBundle(
      bundleDoc([{ id: 'b', gate: 'plugin:broken', trigger: 'findings', action: 'STOP' }]),
      [gate],
    );
    const result = await evaluateWithGates(bundle as PolicyBundle, { sbom }, {}, [gate]);
    expect(result.finalAction).toBe('stop');
    expect(result.problems.map((p) => p.details)).toContainEqual(
      expect.stringContaining('plugin broken failed: cannot read SBOM'),
    );
  });

  it('refuses a plugin name a bundle could not spell', () => {
    expect(() => pluginGate(PYTHON_GATE, 'bad name')).toThrow(/plugin name "bad name"/);
  });
});
