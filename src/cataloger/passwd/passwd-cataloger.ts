import type { Unknown } from '../../model/unknown.js';
import type { FileRecord } from '../../resolver/file-view.js';
import { readText, unknownAt } from '../read-content.js';
import type { CatalogContext, CatalogOptions, CatalogResult, Cataloger } from '../types.js';
import { buildAccounts } from './accounts.js';
import { parseGroup, parsePasswd, parseShadow, type ColonLine } from './colon-file.js';

export const PASSWD_CATALOGER = 'passwd';
export const PASSWD_PATH = '/etc/passwd';
export const GROUP_PATH = '/etc/group';
export const SHADOW_PATH = '/etc/shadow';
const PATHS = new Set([PASSWD_PATH, GROUP_PATH, SHADOW_PATH]);

export function wantsPasswdPath(path: string): boolean {
  return PATHS.has(path);
}

/**
 * Users and groups as a container of the image sees them: always the squashed view (an account
 * file replaced in a later layer no longer defines anyone), whatever the scope of the scan.
 */
export function catalogAccounts(context: CatalogContext): CatalogResult {
  const unknowns: Unknown[] = [];
  const view = context.squashed;
  const read = <T>(path: string, parse: (text: string) => ColonLine<T>[]): T[] | undefined => {
    const record = view.lookup(path, { follow: true });
    if (!record || record.type !== 'file') return undefined;
    const text = readText(view, record, PASSWD_CATALOGER, unknowns);
    return text === undefined ? undefined : kept(parse(text), record, unknowns);
  };
  const passwd = read(PASSWD_PATH, parsePasswd);
  const group = read(GROUP_PATH, parseGroup);
  const shadow = read(SHADOW_PATH, parseShadow);
  if (!passwd && !group) return { packages: [], unknowns };
  const { users, groups } = buildAccounts(passwd ?? [], group ?? [], shadow);
  return { packages: [], unknowns, users, groups };
}

function kept<T>(lines: ColonLine<T>[], record: FileRecord, unknowns: Unknown[]): T[] {
  const entries: T[] = [];
  for (const line of lines) {
    if ('entry' in line) entries.push(line.entry);
    else
      unknowns.push(unknownAt(record, PASSWD_CATALOGER, `${record.path} line ${line.line}: ${line.problem}`));
  }
  return entries;
}

/** /etc/passwd, /etc/group and /etc/shadow parsed to users and groups. */
export function createPasswdCataloger(_options: CatalogOptions = {}): Cataloger {
  return { name: PASSWD_CATALOGER, version: 1, wants: wantsPasswdPath, catalog: catalogAccounts };
}

export const passwdCataloger: Cataloger = createPasswdCataloger();
