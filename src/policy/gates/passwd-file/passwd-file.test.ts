import { describe, expect, it } from 'vitest';
import { fire, gateContext, policySbom } from '../../../../test/helpers/policy-sbom.js';
import type { GateContext, ParamValue } from '../types.js';
import { passwdFileGate } from './index.js';

const context = gateContext();
const noContent = gateContext(policySbom({ retrievedFiles: [] }));
const usersOnly = gateContext(
  policySbom({
    retrievedFiles: [],
    users: [{ name: 'root', uid: 0, gid: 0, shell: '/bin/bash', groups: ['root'], loginShell: true }],
  }),
);

const cases: [string, string, Record<string, ParamValue>, string[], GateContext?][] = [
  ['content_not_available does not fire when retrieved', 'content_not_available', {}, []],
  ['content_not_available fires when not retrieved', 'content_not_available', {}, ['/etc/passwd'], noContent],
  [
    'blacklist_usernames fires per listed user',
    'blacklist_usernames',
    { user_names: ['nopass', 'ghost'] },
    ['nopass'],
  ],
  [
    'blacklist_usernames does not fire for absent users',
    'blacklist_usernames',
    { user_names: ['ghost'] },
    [],
  ],
  ['denylist_usernames is the same trigger', 'denylist_usernames', { user_names: ['root'] }, ['root']],
  [
    'blacklist_userids fires per listed uid',
    'blacklist_userids',
    { user_ids: [0, 1001] },
    ['root', 'nopass'],
  ],
  ['blacklist_groupids fires per listed gid', 'blacklist_groupids', { group_ids: [1] }, ['daemon']],
  ['blacklist_shells fires per listed shell', 'blacklist_shells', { shells: ['/bin/sh'] }, ['nopass']],
  ['blacklist_shells does not fire for unlisted shells', 'blacklist_shells', { shells: ['/bin/zsh'] }, []],
  [
    'blacklist_full_entry fires on the exact line',
    'blacklist_full_entry',
    { entry: 'nopass:x:1001:1001::/home/nopass:/bin/sh' },
    ['nopass:x:1001:1001::/home/nopass:/bin/sh'],
  ],
  [
    'blacklist_full_entry does not fire on a partial line',
    'blacklist_full_entry',
    { entry: 'nopass:x:1001' },
    [],
  ],
  [
    'without content, user checks read the SBOM user list',
    'blacklist_userids',
    { user_ids: [0] },
    ['root'],
    usersOnly,
  ],
  [
    'without content, full_entry cannot decide',
    'blacklist_full_entry',
    { entry: 'root:x:0:0:root:/root:/bin/bash' },
    [],
    usersOnly,
  ],
];

describe('passwd_file gate', () => {
  it.each(cases)('%s', (_, trigger, params, expected, other) => {
    expect(fire(passwdFileGate, trigger, other ?? context, params)).toEqual(expected);
  });

  it('declares the Anchore parameter aliases', () => {
    const aliases = passwdFileGate.triggers.flatMap((t) => t.params.flatMap((p) => p.aliases ?? []));
    expect(aliases).toEqual(expect.arrayContaining(['usernameblacklist', 'useridblacklist']));
  });
});
