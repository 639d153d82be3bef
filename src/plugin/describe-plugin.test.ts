import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test/helpers/temp-dir.js';
import { describePlugin, loadPluginGate } from './describe-plugin.js';

const dir = tempDir('customs-describe-');

function describer(name: string, answer: object): string {
  const path = join(dir, name);
  writeFileSync(path, `#!/bin/sh\ncat >/dev/null\necho '${JSON.stringify(answer)}'\n`);
  chmodSync(path, 0o755);
  return path;
}

describe('describePlugin', () => {
  it('reads parameter specs, str by default, with a description filled in', async () => {
    const path = describer('d', {
      description: 'Checks things.',
      params: [{ name: 'level' }, { name: 'mode', type: 'enum', values: ['a', 'b'], default: 'a' }],
    });
    expect(await describePlugin(path)).toEqual({
      description: 'Checks things.',
      params: [
        { name: 'level', type: 'str', description: 'Parameter level of plugin d.' },
        {
          name: 'mode',
          type: 'enum',
          values: ['a', 'b'],
          default: 'a',
          description: 'Parameter mode of plugin d.',
        },
      ],
    });
    const gate = await loadPluginGate(path, 'd');
    expect(gate.description).toBe('Checks things.');
    expect(gate.triggers[0]?.params.map((p) => p.name)).toEqual(['level', 'mode', 'plugin_action']);
  });

  it.each([
    [
      { params: [{ name: 'x', type: 'list' }] },
      'plugin bad: describe output params[0].type must be one of str, enum',
    ],
    [
      { params: [{ name: 'x', type: 'enum' }] },
      'params[0].values must be a non-empty list of strings for an enum',
    ],
    [{ params: [{ name: '1x' }] }, 'params[0].name must be an identifier'],
    [{ params: [{ name: 'x' }, { name: 'X' }] }, 'plugin bad: describe output names parameter x twice'],
    [{ params: 'x' }, 'plugin bad: describe output params must be a list'],
    [
      {
        params: [
          { name: 'x', required: 'yes' },
          { name: 'y', default: 3 },
        ],
      },
      'params[0].required must be true or false; params[1].default must be a string',
    ],
  ])('rejects %j', async (answer, message) => {
    await expect(describePlugin(describer('bad', answer))).rejects.toThrow(message);
  });

  it('refuses a plugin that declares the reserved plugin_action', async () => {
    const path = describer('reserved', { params: [{ name: 'plugin_action' }] });
    await expect(loadPluginGate(path, 'reserved')).rejects.toThrow(
      'plugin reserved: parameter name plugin_action is reserved',
    );
  });
});
