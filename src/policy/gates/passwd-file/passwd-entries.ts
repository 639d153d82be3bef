import type { GateContext } from '../types.js';

/** One /etc/passwd line, split. `line` is absent when the entry came from the parsed user list. */
export interface PasswdEntry {
  name: string;
  uid?: number;
  gid?: number;
  shell?: string;
  line?: string;
}

const PASSWD = '/etc/passwd';

/** The retrieved /etc/passwd content as text, or undefined when it was not retrieved. */
export function passwdText(context: GateContext): string | undefined {
  const files = Array.isArray(context.sbom.retrievedFiles) ? context.sbom.retrievedFiles : [];
  const file = files.find((f) => f?.path === PASSWD);
  if (!file || typeof file.contentBase64 !== 'string') return undefined;
  try {
    return Buffer.from(file.contentBase64, 'base64').toString('utf8');
  } catch {
    return undefined;
  }
}

function numberField(text: string | undefined): number | undefined {
  return text !== undefined && /^\d+$/.test(text) ? Number(text) : undefined;
}

export function parsePasswd(text: string): PasswdEntry[] {
  const entries: PasswdEntry[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '' || line.startsWith('#')) continue;
    const fields = line.split(':');
    const name = fields[0] ?? '';
    if (name === '') continue;
    entries.push({ name, uid: numberField(fields[2]), gid: numberField(fields[3]), shell: fields[6], line });
  }
  return entries;
}

/**
 * The image's passwd entries: from the retrieved /etc/passwd (exact lines), else from the SBOM's
 * user list (no lines), so that the checks still work on an SBOM that kept users but no content.
 */
export function passwdEntries(context: GateContext): PasswdEntry[] {
  const text = passwdText(context);
  if (text !== undefined) return parsePasswd(text);
  const users = Array.isArray(context.sbom.users) ? context.sbom.users : [];
  return users
    .filter((u) => typeof u?.name === 'string')
    .map((u) => ({ name: u.name, uid: u.uid, gid: u.gid, shell: u.shell }));
}
