/** A user account from /etc/passwd, completed from /etc/shadow and /etc/group. */
export interface UserAccount {
  name: string;
  uid: number;
  gid: number;
  gecos?: string;
  home?: string;
  shell?: string;
  /** Names of the groups the user belongs to (primary first). */
  groups: string[];
  /** From /etc/shadow: the account has an empty password (anyone can log in). */
  emptyPassword?: boolean;
  /** From /etc/shadow: the password field is locked (`!`/`*`) or absent. */
  locked?: boolean;
  /** The shell is a real login shell (not nologin/false). */
  loginShell: boolean;
}

export interface GroupEntry {
  name: string;
  gid: number;
  members: string[];
}
