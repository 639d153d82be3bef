import { describe, expect, it } from 'vitest';
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
