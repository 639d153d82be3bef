import { globProblem } from '../mapping/glob.js';
import type { Allowlist, AllowlistItem } from '../types.js';
import { versionOf } from './parse-version.js';
import { type ProblemSink, isDoc, readList, stringOf, textOf } from './problem-sink.js';
import { isRfc3339 } from './rfc3339.js';

/** `whitelists` (Anchore's word) or `allowlists`: ids unique, patterns and dates valid. */
export function parseAllowlists(items: readonly unknown[], path: string, sink: ProblemSink): Allowlist[] {
  const allowlists: Allowlist[] = [];
  items.forEach((item, index) => {
    const at = `${path}[${index}]`;
    if (!isDoc(item)) return;
    const list = readList(item, ['items'], at, sink);
    const allowlist: Allowlist = {
      id: textOf(item.id) ?? `allowlist-${index + 1}`,
      version: versionOf(item.version),
      items: list.items
        .map((entry, i) => parseItem(entry, `${list.path}[${i}]`, sink))
        .filter((e) => e !== undefined),
    };
    sink.duplicates(
      list.items.map((entry, i) => ({
        id: isDoc(entry) ? entry.id : undefined,
        path: `${list.path}[${i}].id`,
      })),
      'allowlist item',
      list.path,
    );
    const name = stringOf(item.name);
    const comment = stringOf(item.comment);
    if (name !== undefined) allowlist.name = name;
    if (comment !== undefined) allowlist.comment = comment;
    allowlists.push(allowlist);
  });
  sink.duplicates(
    items.map((a, i) => ({ id: isDoc(a) ? a.id : undefined, path: `${path}[${i}].id` })),
    'allowlist',
    path,
  );
  return allowlists;
}

function parseItem(entry: unknown, at: string, sink: ProblemSink): AllowlistItem | undefined {
  if (!isDoc(entry)) return undefined;
  const id = textOf(entry.id);
  const gate = textOf(entry.gate);
  const triggerId = textOf(entry.trigger_id);
  if (triggerId !== undefined) {
    const bad = globProblem(triggerId);
    if (bad) sink.add(`${at}.trigger_id`, `bad regexp: pattern: ${bad}`, triggerId);
  }
  const expires = entry.expires_on;
  const expiresOn = typeof expires === 'string' && isRfc3339(expires) ? expires : undefined;
  if (typeof expires === 'string' && expiresOn === undefined)
    sink.add(
      `${at}.expires_on`,
      'expires_on must be an RFC 3339 date-time such as 2030-01-01T00:00:00Z',
      expires,
    );
  if (id === undefined || gate === undefined || triggerId === undefined) return undefined;
  const item: AllowlistItem = { id, gate: gate.toLowerCase(), trigger_id: triggerId };
  if (expiresOn !== undefined) item.expires_on = expiresOn;
  return item;
}
