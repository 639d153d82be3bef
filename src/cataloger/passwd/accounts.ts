import type { GroupEntry, UserAccount } from '../../model/user.js';
import type { GroupLine, PasswdLine, ShadowLine } from './colon-file.js';

/** Shells that do not give a login: the account exists for a daemon or a single action. */
const NON_LOGIN_SHELLS = new Set(['nologin', 'false', 'sync', 'halt', 'shutdown']);

export function isLoginShell(shell: string): boolean {
  // An empty shell field means /bin/sh (passwd(5)).
  if (shell === '') return true;
  const base = shell.slice(shell.lastIndexOf('/') + 1);
  return !NON_LOGIN_SHELLS.has(base);
}

function isLocked(password: string): boolean {
  return password.startsWith('!') || password.startsWith('*');
}

/**
 * Users from passwd, completed from group (primary group first, then supplementary ones) and
 * shadow (empty or locked password). Without a shadow entry the passwd password field decides.
 */
export function buildAccounts(
  users: readonly PasswdLine[],
  groups: readonly GroupLine[],
  shadow: readonly ShadowLine[] | undefined,
): { users: UserAccount[]; groups: GroupEntry[] } {
  const groupByGid = new Map<number, GroupLine>();
  for (const g of groups) if (!groupByGid.has(g.gid)) groupByGid.set(g.gid, g);
  const shadowByName = new Map<string, ShadowLine>();
  for (const s of shadow ?? []) if (!shadowByName.has(s.name)) shadowByName.set(s.name, s);

  const accounts = users.map((user): UserAccount => {
    const names: string[] = [];
    const primary = groupByGid.get(user.gid);
    if (primary) names.push(primary.name);
    for (const g of groups) if (g.members.includes(user.name) && !names.includes(g.name)) names.push(g.name);
    const account: UserAccount = {
      name: user.name,
      uid: user.uid,
      gid: user.gid,
      groups: names,
      loginShell: isLoginShell(user.shell),
    };
    if (user.gecos !== '') account.gecos = user.gecos;
    if (user.home !== '') account.home = user.home;
    if (user.shell !== '') account.shell = user.shell;
    const shadowed = shadowByName.get(user.name);
    if (user.password !== 'x' || shadowed) {
      const password = user.password === 'x' && shadowed ? shadowed.password : user.password;
      account.emptyPassword = password === '';
      account.locked = isLocked(password);
    } else if (shadow) {
      // The password lives in shadow, but shadow has no line for this user: nobody can log in.
      account.emptyPassword = false;
      account.locked = true;
    }
    return account;
  });
  return {
    users: accounts,
    groups: groups.map((g) => ({ name: g.name, gid: g.gid, members: [...g.members] })),
  };
}
