import { aliasTrigger } from '../alias-trigger.js';
import { listParam, numberListParam, stringParam } from '../../trigger-params/read-params.js';
import type { Firing, GateContext, BuiltinGate, BuiltinTrigger } from '../types.js';
import { type PasswdEntry, passwdEntries, passwdText } from './passwd-entries.js';

/** A trigger firing once per passwd entry the predicate picks, with the entry's user as identity. */
function perEntry(
  name: string,
  description: string,
  param: BuiltinTrigger['params'][number],
  pick: (entry: PasswdEntry, params: Parameters<BuiltinTrigger['evaluate']>[1]) => string | undefined,
): BuiltinTrigger {
  return {
    name,
    description,
    params: [param],
    evaluate(context: GateContext, params) {
      const firings: Firing[] = [];
      for (const entry of passwdEntries(context)) {
        const why = pick(entry, params);
        if (why !== undefined)
          firings.push({ message: `User ${entry.name} in /etc/passwd: ${why}`, identity: entry.name });
      }
      return firings;
    },
  };
}

const contentNotAvailable: BuiltinTrigger = {
  name: 'content_not_available',
  description: 'Fires when the content of /etc/passwd was not retrieved at analysis.',
  params: [],
  evaluate: (context) =>
    passwdText(context) === undefined
      ? [
          {
            message: 'The content of /etc/passwd is not available in the image analysis',
            identity: '/etc/passwd',
          },
        ]
      : [],
};

const blacklistUsernames = perEntry(
  'blacklist_usernames',
  'Fires for each listed user name present in /etc/passwd.',
  {
    name: 'user_names',
    type: 'csv',
    required: true,
    aliases: ['usernameblacklist'],
    description: 'User names.',
  },
  (entry, params) => (listParam(params, 'user_names').includes(entry.name) ? 'denied user name' : undefined),
);

const blacklistUserids = perEntry(
  'blacklist_userids',
  'Fires for each user of /etc/passwd whose uid is listed.',
  {
    name: 'user_ids',
    type: 'csv-int',
    required: true,
    aliases: ['useridblacklist'],
    description: 'User ids.',
  },
  (entry, params) =>
    entry.uid !== undefined && numberListParam(params, 'user_ids').includes(entry.uid)
      ? `denied uid ${entry.uid}`
      : undefined,
);

const blacklistGroupids = perEntry(
  'blacklist_groupids',
  'Fires for each user of /etc/passwd whose primary gid is listed.',
  { name: 'group_ids', type: 'csv-int', required: true, description: 'Group ids.' },
  (entry, params) =>
    entry.gid !== undefined && numberListParam(params, 'group_ids').includes(entry.gid)
      ? `denied gid ${entry.gid}`
      : undefined,
);

const blacklistShells = perEntry(
  'blacklist_shells',
  'Fires for each user of /etc/passwd whose login shell is listed.',
  { name: 'shells', type: 'csv', required: true, description: 'Shell paths, e.g. /bin/bash.' },
  (entry, params) =>
    entry.shell !== undefined && listParam(params, 'shells').includes(entry.shell)
      ? `denied shell ${entry.shell}`
      : undefined,
);

const blacklistFullEntry: BuiltinTrigger = {
  name: 'blacklist_full_entry',
  description: 'Fires when /etc/passwd holds exactly the given line.',
  params: [
    {
      name: 'entry',
      type: 'str',
      required: true,
      description: 'A full passwd line, e.g. ftp:x:14:50::/var/ftp:/sbin/nologin',
    },
  ],
  evaluate(context, params) {
    const wanted = stringParam(params, 'entry')?.trim();
    if (!wanted) return [];
    const text = passwdText(context);
    if (text === undefined) return [];
    const found = text.split('\n').some((line) => line.replace(/\r$/, '').trim() === wanted);
    return found ? [{ message: `Denied entry found in /etc/passwd: ${wanted}`, identity: wanted }] : [];
  },
};

const denylists = [
  blacklistUsernames,
  blacklistUserids,
  blacklistGroupids,
  blacklistShells,
  blacklistFullEntry,
];

/** Checks on /etc/passwd, as retrieved at analysis (the default retrieved file). */
export const passwdFileGate: BuiltinGate = {
  name: 'passwd_file',
  description: "Checks on the users, ids, shells and lines of the image's /etc/passwd.",
  state: 'active',
  triggers: [
    contentNotAvailable,
    ...denylists,
    ...denylists.map((t) => aliasTrigger(t, t.name.replace(/^blacklist_/, 'denylist_'))),
  ],
};
