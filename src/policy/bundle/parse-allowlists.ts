import { globProblem } from '../mapping/glob.js';
import type { Allowlist, AllowlistItem } from '../types.js';
import { checkVersion } from './parse-version.js';
import { type ProblemSink, isDoc, optionalText, readList, readString } from './problem-sink.js';
import { isRfc3339 } from './rfc3339.js';

/** `whitelists` (Anchore's word) or `allowlists`: ids unique, items well formed. */
export function parseAllowlists(items: readonly unknown[], path: string, sink: ProblemSink): Allowlist[] {
  const allowlists: Allowlist[] = [];
  items.forEach((item, index) => {
    const at = `${path}[${index}]`;
    if (!isDoc(item)) {
      sink.add(at, 'an allowlist must be an object', item);
      return;
    }
    const id = readString(item, 'id', at, sink, true);
    const version = checkVersion(item, at, sink, false);
    const list = readList(item, ['items'], at, sink, false);
    const allowlist: Allowlist = {
      id: id ?? `allowlist-${index + 1}`,
      version,
      items: list.items
        .map((entry, i) => parseItem(entry, `${list.path}[${i}]`, sink))
        .filter((e) => e !== undefined),
    };
    sink.duplicates(
      list.items.map((entry, i) => ({
        id: isDoc(entry) && typeof entry.id === 'string' ? entry.id : undefined,
        path: `${list.path}[${i}].id`,
      })),
      'allowlist item',
    );
    const name = optionalText(item, 'name', at, sink);
    const comment = optionalText(item, 'comment', at, sink);
    if (name !== undefined) allowlist.name = name;
    if (comment !== undefined) allowlist.comment = comment;
    allowlists.push(allowlist);
  });
  sink.duplicates(
    items.map((a, i) => ({
      id: isDoc(a) && typeof a.id === 'string' ? a.id : undefined,
      path: `${path}[${i}].id`,
    })),
    'allowlist',
  );
  return allowlists;
}

function parseItem(entry: unknown, at: string, sink: ProblemSink): AllowlistItem | undefined {
  if (!isDoc(entry)) {
    sink.add(at, 'an allowlist item must be an object', entry);
    return undefined;
  }
  const id = readString(entry, 'id', at, sink, true);
  const gate = readString(entry, 'gate', at, sink, true);
  const triggerId = readString(entry, 'trigger_id', at, sink, true);
  if (triggerId !== undefined) {
    const bad = globProblem(triggerId);
    if (bad) sink.add(`${at}.trigger_id`, `bad regexp: pattern: ${bad}`, triggerId);
  }
  let expiresOn: string | undefined;
  const expires = entry.expires_on;
  if (expires !== undefined && expires !== null) {
    if (typeof expires === 'string' && isRfc3339(expires)) expiresOn = expires;
    else
      sink.add(
        `${at}.expires_on`,
        'expires_on must be an RFC 3339 date-time such as 2030-01-01T00:00:00Z',
        expires,
      );
  }
  if (id === undefined || gate === undefined || triggerId === undefined) return undefined;
  const item: AllowlistItem = { id, gate: gate.toLowerCase(), trigger_id: triggerId };
  if (expiresOn !== undefined) item.expires_on = expiresOn;
  return item;
}
