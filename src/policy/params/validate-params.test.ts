import { describe, expect, it } from 'vitest';
import type { TriggerSpec } from '../gates/types.js';
import { validateParams } from './validate-params.js';

const trigger: TriggerSpec = {
  name: 'blacklist_usernames',
  description: 'listed users present',
  params: [
    { name: 'user_names', type: 'csv', required: true, aliases: ['usernameblacklist'], description: 'users' },
    { name: 'max_uid', type: 'int', description: 'highest uid', default: '999' },
    { name: 'vendor_only', type: 'bool', description: 'vendor only', default: 'true' },
    { name: 'mode', type: 'enum', values: ['exact', 'prefix'], description: 'how names match' },
  ],
  evaluate: () => [],
};

const PATH = '$.policies[0].rules[1].params';

describe('validateParams', () => {
  it('converts values, resolves names case-insensitively and fills defaults', () => {
    const result = validateParams(
      trigger,
      [
        { name: 'USER_NAMES', value: 'root,admin' },
        { name: 'Vendor_Only', value: 'False' },
      ],
      PATH,
    );
    expect(result.problems).toEqual([]);
    expect(result.values).toEqual({ user_names: ['root', 'admin'], vendor_only: false, max_uid: 999 });
    expect(result.params).toEqual([
      { name: 'user_names', value: 'root,admin' },
      { name: 'vendor_only', value: 'False' },
    ]);
  });

  it('accepts an alias for the canonical name', () => {
    const result = validateParams(trigger, [{ name: 'usernameblacklist', value: 'nobody' }], PATH);
    expect(result.problems).toEqual([]);
    expect(result.values.user_names).toEqual(['nobody']);
  });

  it('takes YAML numbers and booleans as the strings they were written as', () => {
    const result = validateParams(
      trigger,
      [
        { name: 'user_names', value: 'x' },
        { name: 'max_uid', value: 500 },
        { name: 'vendor_only', value: true },
      ],
      PATH,
    );
    expect(result.problems).toEqual([]);
    expect(result.values).toMatchObject({ max_uid: 500, vendor_only: true });
  });

  it('reports every problem with its path and value', () => {
    const result = validateParams(
      trigger,
      [
        { name: 'max_uid', value: 'lots' },
        { name: 'colour', value: 'red' },
        { name: 'mode', value: 'Exact' },
        { name: 'MAX_UID', value: '3' },
        { name: 'vendor_only' },
        { value: 'nameless' },
        'not an object',
      ],
      PATH,
    );
    expect(result.problems).toEqual([
      { path: `${PATH}[0].value`, message: 'parameter "max_uid" must be an integer', value: 'lots' },
      {
        path: `${PATH}[1].name`,
        message:
          'unknown parameter "colour" for trigger blacklist_usernames (known: user_names, max_uid, vendor_only, mode)',
        value: 'colour',
      },
      {
        path: `${PATH}[2].value`,
        message: 'parameter "mode" must be one of exact, prefix (exact case)',
        value: 'Exact',
      },
      {
        path: `${PATH}[3].name`,
        message: `parameter "max_uid" is already given at ${PATH}[0]`,
        value: 'MAX_UID',
      },
      { path: `${PATH}[4].value`, message: 'parameter "vendor_only" needs a string value' },
      { path: `${PATH}[5].name`, message: 'a parameter needs a name' },
      { path: `${PATH}[6]`, message: 'a parameter must be a {name, value} object', value: 'not an object' },
      { path: PATH, message: 'trigger blacklist_usernames needs parameter "user_names"' },
    ]);
    expect(result.values.max_uid).toBeUndefined();
  });

  it('treats missing params as an empty list and rejects a non-list', () => {
    expect(validateParams(trigger, undefined, PATH).problems).toEqual([
      { path: PATH, message: 'trigger blacklist_usernames needs parameter "user_names"' },
    ]);
    expect(validateParams(trigger, { user_names: 'root' }, PATH).problems[0]).toEqual({
      path: PATH,
      message: 'params must be a list of {name, value} objects',
      value: { user_names: 'root' },
    });
  });
});
