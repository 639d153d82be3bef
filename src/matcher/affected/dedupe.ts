import type { Match } from '../../scan/types.js';

/** CVE ids are what people search for: the id kept when aliases of one flaw meet. */
function preference(id: string): number {
  if (id.startsWith('CVE-')) return 0;
  if (id.startsWith('GHSA-')) return 1;
  return 2;
}

function better(a: Match, b: Match): Match {
  const byId = preference(a.vulnerability.id) - preference(b.vulnerability.id);
  if (byId !== 0) return byId < 0 ? a : b;
  // Same kind of id: the one that knows a fix wins, then the first found.
  if (a.vulnerability.fix.state !== 'fixed' && b.vulnerability.fix.state === 'fixed') return b;
  return a;
}

/**
 * One match per (vulnerability, package): records of the same id (several ranges, providers)
 * collapse, and ids that alias the same flaw for the same package (CVE ↔ GHSA) keep one — the
 * CVE where there is one — listing the others in `aliases`.
 */
export function dedupeMatches(matches: readonly Match[]): Match[] {
  const byPackage = new Map<string, Match[]>();
  for (const match of matches) {
    const list = byPackage.get(match.package.id) ?? [];
    list.push(match);
    byPackage.set(match.package.id, list);
  }
  const out: Match[] = [];
  for (const list of byPackage.values()) out.push(...mergePackage(list));
  return out;
}

/**
 * The flaw a match is about: its own id when a CVE; else the one CVE it aliases (or that aliases
 * it); else its own id. A DSA naming several CVEs keeps its own key: distinct CVEs never merge.
 */
function flawKeys(matches: readonly Match[]): string[] {
  const cveOf = new Map<string, string | null>();
  for (const m of matches) {
    if (!isCve(m.vulnerability.id)) continue;
    for (const alias of m.vulnerability.aliases) {
      if (isCve(alias)) continue;
      const known = cveOf.get(alias);
      cveOf.set(alias, known === undefined || known === m.vulnerability.id ? m.vulnerability.id : null);
    }
  }
  return matches.map((m) => {
    const id = m.vulnerability.id;
    if (isCve(id)) return id;
    const cves = [...new Set(m.vulnerability.aliases.filter(isCve))];
    if (cves.length === 1) return cves[0]!;
    return cveOf.get(id) ?? id;
  });
}

function isCve(id: string): boolean {
  return id.startsWith('CVE-');
}

function mergePackage(matches: Match[]): Match[] {
  const keys = flawKeys(matches);
  const groups = new Map<string, Match[]>();
  matches.forEach((match, i) => groups.set(keys[i]!, [...(groups.get(keys[i]!) ?? []), match]));
  return [...groups.values()].map((group) => {
    const kept = group.reduce(better);
    const ids = new Set(group.flatMap((m) => [m.vulnerability.id, ...m.vulnerability.aliases]));
    ids.delete(kept.vulnerability.id);
    return { ...kept, vulnerability: { ...kept.vulnerability, aliases: [...ids].sort() } };
  });
}
