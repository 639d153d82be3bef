import type { BuiltinGate } from '../types.js';

/** Fires once for every image: a rule that always applies (a mapping's blanket STOP or WARN). */
export const alwaysGate: BuiltinGate = {
  name: 'always',
  description: 'Fires for every image it is evaluated against.',
  state: 'active',
  triggers: [
    {
      name: 'always',
      description: 'Fires once, unconditionally.',
      params: [],
      evaluate: () => [{ message: 'always fires', identity: 'always', triggerId: 'always' }],
    },
  ],
};
