import { describe, expect, it } from 'vitest';
import { fire, gateContext, policySbom } from '../../../../test/helpers/policy-sbom.js';
import type { GateContext, ParamValue } from '../types.js';
import { dockerfileGate } from './index.js';
import { parseDockerfile } from './instructions.js';

const guessed = gateContext();
const actual = (text: string): GateContext => gateContext(policySbom(), { dockerfile: text });
const rootImage = gateContext(
  policySbom({
    image: {
      ...policySbom().image!,
      config: { ...policySbom().image!.config, user: undefined },
      dockerfile: 'FROM x\n',
    },
  }),
);

describe('parseDockerfile', () => {
  it('joins continuation lines, skips comments and upper-cases keywords', () => {
    const parsed = parseDockerfile(
      '# syntax=docker/dockerfile:1\nfrom debian\nrun apt-get update \\\n  # note\n  && apt-get install -y curl\n\nexpose 80\n',
    );
    expect(parsed.map((i) => [i.instruction, i.args, i.line])).toEqual([
      ['FROM', 'debian', 2],
      ['RUN', 'apt-get update && apt-get install -y curl', 3],
      ['EXPOSE', '80', 7],
    ]);
  });
});

const cases: [string, string, GateContext, Record<string, ParamValue>, string[]][] = [
  // instruction
  [
    'instruction = fires per equal line',
    'instruction',
    guessed,
    { instruction: 'USER', check: '=', value: 'appuser' },
    ['USER appuser'],
  ],
  [
    'instruction = does not fire on other values',
    'instruction',
    guessed,
    { instruction: 'USER', check: '=', value: 'root' },
    [],
  ],
  [
    'instruction != fires per other line',
    'instruction',
    guessed,
    { instruction: 'CMD', check: '!=', value: '["bash"]' },
    ['CMD ["node","server.js"]'],
  ],
  [
    'instruction exists fires per line',
    'instruction',
    guessed,
    { instruction: 'CMD', check: 'exists' },
    ['CMD ["bash"]', 'CMD ["node","server.js"]'],
  ],
  [
    'instruction not_exists fires once when absent',
    'instruction',
    guessed,
    { instruction: 'HEALTHCHECK', check: 'not_exists' },
    ['HEALTHCHECK not_exists'],
  ],
  [
    'instruction not_exists does not fire when present',
    'instruction',
    guessed,
    { instruction: 'USER', check: 'not_exists' },
    [],
  ],
  [
    'instruction like is a regex from the start',
    'instruction',
    guessed,
    { instruction: 'RUN', check: 'like', value: 'apt-get .*openssl' },
    ['RUN apt-get install -y openssl'],
  ],
  [
    'instruction like is anchored at the start',
    'instruction',
    guessed,
    { instruction: 'RUN', check: 'like', value: 'install' },
    [],
  ],
  [
    'instruction not_like',
    'instruction',
    guessed,
    { instruction: 'RUN', check: 'not_like', value: 'curl' },
    ['RUN apt-get install -y openssl'],
  ],
  [
    'instruction in',
    'instruction',
    guessed,
    { instruction: 'USER', check: 'in', value: 'root,appuser' },
    ['USER appuser'],
  ],
  [
    'instruction not_in',
    'instruction',
    guessed,
    { instruction: 'USER', check: 'not_in', value: 'root,appuser' },
    [],
  ],
  [
    'actual_dockerfile_only skips the reconstruction',
    'instruction',
    guessed,
    { instruction: 'USER', check: 'exists', actual_dockerfile_only: true },
    [],
  ],
  [
    'actual_dockerfile_only uses a supplied Dockerfile',
    'instruction',
    actual('FROM debian\nUSER nobody\n'),
    { instruction: 'USER', check: 'exists', actual_dockerfile_only: true },
    ['USER nobody'],
  ],
  // effective_user
  [
    'effective_user blacklist root: appuser does not fire',
    'effective_user',
    guessed,
    { users: ['root'], type: 'blacklist' },
    [],
  ],
  [
    'effective_user whitelist root: appuser fires',
    'effective_user',
    guessed,
    { users: ['root'], type: 'whitelist' },
    ['appuser'],
  ],
  [
    'effective_user defaults to root',
    'effective_user',
    rootImage,
    { users: ['root'], type: 'denylist' },
    ['root'],
  ],
  [
    'effective_user takes the last USER of a supplied Dockerfile',
    'effective_user',
    actual('USER appuser\nUSER 0:0\n'),
    { users: ['root'], type: 'blacklist' },
    ['0'],
  ],
  [
    'effective_user allowlist accepts a listed user',
    'effective_user',
    guessed,
    { users: ['appuser'], type: 'allowlist' },
    [],
  ],
  // exposed_ports
  [
    'exposed_ports blacklist 22 fires for 22/tcp',
    'exposed_ports',
    guessed,
    { ports: [22], type: 'blacklist' },
    ['22/tcp'],
  ],
  [
    'exposed_ports blacklist 80 does not fire',
    'exposed_ports',
    guessed,
    { ports: [80], type: 'blacklist' },
    [],
  ],
  [
    'exposed_ports whitelist 3000 fires for 22',
    'exposed_ports',
    guessed,
    { ports: [3000], type: 'whitelist' },
    ['22/tcp'],
  ],
  [
    'exposed_ports reads p, p/udp and ranges of a supplied Dockerfile',
    'exposed_ports',
    actual('EXPOSE 53/udp 8080 9000-9010/tcp $PORT\n'),
    { ports: [53, 9005], type: 'blacklist' },
    ['53/udp', '9000-9010/tcp'],
  ],
  [
    'exposed_ports port 0 fires when listed',
    'exposed_ports',
    actual('EXPOSE 0\n'),
    { ports: [0], type: 'blacklist' },
    ['0'],
  ],
  // no_dockerfile_provided
  [
    'no_dockerfile_provided fires without a Dockerfile',
    'no_dockerfile_provided',
    guessed,
    {},
    ['no_dockerfile'],
  ],
  ['no_dockerfile_provided does not fire with one', 'no_dockerfile_provided', actual('FROM x\n'), {}, []],
];

describe('dockerfile gate', () => {
  it.each(cases)('%s', (_, trigger, context, params, expected) => {
    expect(fire(dockerfileGate, trigger, context, params)).toEqual(expected);
  });

  it('never throws on an image without metadata or a bad regex', () => {
    const bare = gateContext(policySbom({ image: null }));
    for (const trigger of dockerfileGate.triggers) {
      expect(() =>
        trigger.evaluate(bare, {
          instruction: 'RUN',
          check: 'like',
          value: '(',
          users: [],
          ports: [],
          type: 'blacklist',
        }),
      ).not.toThrow();
    }
    expect(
      fire(dockerfileGate, 'instruction', guessed, { instruction: 'RUN', check: 'like', value: '(' }),
    ).toEqual([]);
  });
});
