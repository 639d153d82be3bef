/**
 * Reads a dpkg relationship field (Depends, Pre-Depends, Provides, ...): comma-separated groups
 * of `|`-separated alternatives, each `name[:arch] [(op version)] [[arch list]] [<profiles>]`.
 * Returns, per group, the package names of its alternatives (architecture qualifiers and
 * constraints dropped); empty or unreadable entries are skipped.
 */
export function parseRelationField(value: string | undefined): string[][] {
  if (value === undefined) return [];
  const groups: string[][] = [];
  for (const group of value.split(',')) {
    const names: string[] = [];
    for (const alternative of group.split('|')) {
      const match = /^\s*([a-z0-9][a-z0-9+.-]*)(?::[a-z0-9-]+)?/i.exec(alternative);
      if (match) names.push((match[1] as string).toLowerCase());
    }
    if (names.length > 0) groups.push(names);
  }
  return groups;
}

/** Groups as metadata strings: `libc6`, or `debconf | debconf-2.0` for alternatives. */
export function formatRelationGroups(groups: string[][]): string[] {
  return groups.map((names) => names.join(' | '));
}
