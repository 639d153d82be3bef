/** One parsed line of a colon-separated account file, or why it could not be parsed. */
export type ColonLine<T> = { line: number; entry: T } | { line: number; problem: string };

export interface PasswdLine {
  name: string;
  password: string;
  uid: number;
  gid: number;
  gecos: string;
  home: string;
  shell: string;
}

export interface GroupLine {
  name: string;
  gid: number;
  members: string[];
}

export interface ShadowLine {
  name: string;
  password: string;
}

const ID = /^\d{1,10}$/;

/**
 * Splits a file into its meaningful lines: blank lines, comments and NIS compat entries
 * (`+`/`-`) are skipped, as glibc's files backend does.
 */
function* accountLines(text: string): Generator<{ line: number; fields: string[] }> {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = (lines[i] as string).replace(/\r$/, '');
    if (raw.trim() === '' || raw.startsWith('#') || raw.startsWith('+') || raw.startsWith('-')) continue;
    yield { line: i + 1, fields: raw.split(':') };
  }
}

function id(text: string | undefined): number | undefined {
  return text !== undefined && ID.test(text) ? Number(text) : undefined;
}

/** /etc/passwd: name:password:uid:gid:gecos:home:shell (passwd(5)). */
export function parsePasswd(text: string): ColonLine<PasswdLine>[] {
  return [...accountLines(text)].map(({ line, fields }) => {
    if (fields.length !== 7) return { line, problem: `expected 7 fields, found ${fields.length}` };
    const [name, password, uidText, gidText, gecos, home, shell] = fields as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    const uid = id(uidText);
    const gid = id(gidText);
    if (name === '') return { line, problem: 'empty user name' };
    if (uid === undefined) return { line, problem: `uid "${uidText}" is not a number` };
    if (gid === undefined) return { line, problem: `gid "${gidText}" is not a number` };
    return { line, entry: { name, password, uid, gid, gecos, home, shell } };
  });
}

/** /etc/group: name:password:gid:member,member (group(5)). */
export function parseGroup(text: string): ColonLine<GroupLine>[] {
  return [...accountLines(text)].map(({ line, fields }) => {
    if (fields.length !== 4) return { line, problem: `expected 4 fields, found ${fields.length}` };
    const [name, , gidText, members] = fields as [string, string, string, string];
    const gid = id(gidText);
    if (name === '') return { line, problem: 'empty group name' };
    if (gid === undefined) return { line, problem: `gid "${gidText}" is not a number` };
    return { line, entry: { name, gid, members: members.split(',').filter((m) => m !== '') } };
  });
}

/** /etc/shadow: name:password:... (shadow(5), 9 fields; only the first two matter here). */
export function parseShadow(text: string): ColonLine<ShadowLine>[] {
  return [...accountLines(text)].map(({ line, fields }) => {
    if (fields.length < 2) return { line, problem: `expected 9 fields, found ${fields.length}` };
    const [name, password] = fields as [string, string];
    if (name === '') return { line, problem: 'empty user name' };
    return { line, entry: { name, password } };
  });
}
