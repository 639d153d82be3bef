import type { LockEntry, LockOutcome } from './lock-entry.js';
import { keyDescriptors, splitDescriptor, unquote } from './yarn-spec.js';

interface RawBlock {
  descriptors: string[];
  fields: Map<string, string>;
  dependencies: Map<string, string>;
  line: number;
}

/** Splits `key value` where either may be quoted; a key ending in ':' opens a section. */
function splitLine(content: string): { key: string; value: string } {
  let key: string;
  let rest: string;
  if (content.startsWith('"')) {
    const close = content.indexOf('"', 1);
    key = close < 0 ? content.slice(1) : content.slice(1, close);
    rest = close < 0 ? '' : content.slice(close + 1);
  } else {
    const space = content.search(/\s/);
    key = space < 0 ? content : content.slice(0, space);
    rest = space < 0 ? '' : content.slice(space);
  }
  return { key, value: unquote(rest.trim()) };
}

function blocks(source: string): RawBlock[] {
  const out: RawBlock[] = [];
  let current: RawBlock | undefined;
  let section: string | undefined;
  const lines = source.split(/\r?\n/);
  lines.forEach((line, index) => {
    if (line.trim() === '' || line.trimStart().startsWith('#')) return;
    const indent = line.length - line.trimStart().length;
    const content = line.trim();
    if (indent === 0) {
      current = {
        descriptors: keyDescriptors(content.replace(/:$/, '')),
        fields: new Map(),
        dependencies: new Map(),
        line: index + 1,
      };
      section = undefined;
      out.push(current);
      return;
    }
    if (!current) return;
    if (indent <= 2) {
      if (content.endsWith(':')) {
        section = unquote(content.slice(0, -1));
        return;
      }
      section = undefined;
      const { key, value } = splitLine(content);
      current.fields.set(key, value);
      return;
    }
    if (section === 'dependencies' || section === 'optionalDependencies') {
      const { key, value } = splitLine(content);
      current.dependencies.set(key, value);
    }
  });
  return out;
}

/** Parses a yarn.lock in the classic (v1) text format; never throws. */
export function parseYarnClassicLock(source: string): LockOutcome {
  const problems: string[] = [];
  const raw = blocks(source);
  const keyOf = new Map<string, string>();
  for (const block of raw) for (const d of block.descriptors) keyOf.set(d, block.descriptors[0] ?? '');
  const entries: LockEntry[] = [];
  for (const block of raw) {
    const first = block.descriptors[0];
    if (!first) continue;
    const version = block.fields.get('version');
    if (!version) {
      problems.push(`line ${block.line}: ${first} has no version`);
      continue;
    }
    const { name: alias, range } = splitDescriptor(first);
    // `alias@npm:real@range` installs `real` under the alias name.
    const name =
      block.fields.get('name') ?? (range.startsWith('npm:') ? splitDescriptor(range.slice(4)).name : alias);
    const entry: LockEntry = {
      key: first,
      name,
      version,
      dependsOn: [...block.dependencies]
        .map(([dep, depRange]) => keyOf.get(`${dep}@${depRange}`))
        .filter((key): key is string => key !== undefined),
    };
    const resolved = block.fields.get('resolved');
    if (resolved) entry.resolved = resolved;
    const integrity = block.fields.get('integrity');
    if (integrity) entry.integrity = integrity;
    entries.push(entry);
  }
  return { kind: 'lock', format: 'yarn.lock v1', entries, problems };
}
