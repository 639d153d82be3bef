import type { LockEntry, LockOutcome } from './lock-entry.js';
import { parseRequirement, pinnedVersion } from './requirement.js';

/** Joins `\`-continued lines and drops comments (`#` at the start or after white space). */
function logicalLines(text: string): string[] {
  const joined = text.replace(/\r\n?/g, '\n').replace(/\\\n/g, ' ');
  return joined
    .split('\n')
    .map((line) => line.replace(/(^|\s)#.*$/, '').trim())
    .filter((line) => line !== '');
}

const INCLUDE = /^(?:-r|--requirements?)(?:\s*=\s*|\s+)(\S+)/;

/** Removes pip options that follow a requirement (`--hash=...`, `--global-option ...`). */
function withoutOptions(line: string): string {
  const option = /\s--?[A-Za-z]/.exec(line);
  return option ? line.slice(0, option.index).trim() : line;
}

/**
 * Parses a pip requirements file: only exactly pinned requirements (`==` / `===`) become
 * packages; `-r` includes are returned for the caller to follow; never throws.
 */
export function parseRequirementsTxt(text: string): LockOutcome {
  const entries: LockEntry[] = [];
  const includes: string[] = [];
  for (const line of logicalLines(text)) {
    const include = INCLUDE.exec(line);
    if (include?.[1]) {
      includes.push(include[1]);
      continue;
    }
    if (line.startsWith('-')) continue;
    const requirement = parseRequirement(withoutOptions(line));
    if (!requirement) continue;
    const version = pinnedVersion(requirement.specifier);
    if (!version) continue;
    const details: Record<string, unknown> = {};
    if (requirement.extras.length) details.extras = requirement.extras;
    if (requirement.marker) details.markers = requirement.marker;
    const hashes = [...line.matchAll(/--hash[=\s]+(\S+)/g)].map((m) => m[1]);
    if (hashes.length) details.hashes = hashes;
    const entry: LockEntry = { name: requirement.name, version, dependsOn: [] };
    if (Object.keys(details).length) entry.details = details;
    entries.push(entry);
  }
  return { kind: 'packages', entries, problems: [], includes };
}
