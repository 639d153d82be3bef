import { describe, expect, it } from 'vitest';
import { readAnalyzerOutput } from './analyzer-output.js';
import { readGateOutput } from './gate-output.js';

describe('readGateOutput', () => {
  it('reads findings, actions in any case', () => {
    expect(
      readGateOutput('p', { findings: [{ trigger: 't', message: 'm', identity: 'i', action: 'STOP' }] }),
    ).toEqual([{ trigger: 't', message: 'm', identity: 'i', action: 'stop' }]);
  });

  it.each([
    [{}, 'plugin p: output needs a findings list'],
    [{ findings: ['x'] }, 'plugin p: findings[0] must be an object'],
    [
      { findings: [{ trigger: 't', message: 'm' }] },
      'plugin p: findings[0].identity must be a non-empty string',
    ],
    [
      { findings: [{ trigger: '', message: 'm', identity: 'i' }] },
      'plugin p: findings[0].trigger must be a non-empty string',
    ],
    [
      { findings: [{ trigger: 't', message: 'm', identity: 'i', action: 'block' }] },
      'plugin p: findings[0].action must be stop, warn or go',
    ],
  ])('rejects %j', (output, message) => {
    expect(() => readGateOutput('p', output)).toThrow(message);
  });
});

describe('every problem of a plugin output at once', () => {
  it('names each bad finding field with its path in one error', () => {
    const output = {
      findings: [
        { trigger: 't', message: '', identity: 'i' },
        5,
        { trigger: 't', message: 'm', identity: 'i', action: 'halt' },
      ],
    };
    expect(() => readGateOutput('p', output)).toThrow(
      'plugin p: findings[0].message must be a non-empty string; findings[1] must be an object; findings[2].action must be stop, warn or go',
    );
  });

  it('reads analyzer packages and reports every bad one', () => {
    const output = {
      packages: [
        { name: 'a', version: '1', type: 'deb', licenses: null },
        { name: 'b', type: 'cargo' },
      ],
      warnings: [1],
    };
    expect(() => readAnalyzerOutput('p', output)).toThrow(
      'plugin p: packages[1].version must be a non-empty string; packages[1].type must be one of deb, apk, rpm, npm, python, gem, java, go, rust, php, dotnet, binary; warnings must be a list of strings',
    );
    expect(
      readAnalyzerOutput('p', { packages: [{ name: 'a', version: '1', type: 'deb', licenses: null }] }),
    ).toEqual({
      packages: [{ name: 'a', version: '1', type: 'deb' }],
      warnings: [],
    });
  });
});
