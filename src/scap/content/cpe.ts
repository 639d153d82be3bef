import type { XmlNode } from '../../xml/xml-reader.js';

/** A check that decides whether a CPE name applies (an OVAL definition in a CPE OVAL document). */
export interface CpeCheck {
  system: string;
  href: string;
  name: string;
}

export interface CpeContent {
  /** CPE name → its checks, from the CPE dictionaries. */
  dictionary: Map<string, CpeCheck[]>;
  /** CPE applicability-language platforms of the benchmark, by id (`#id` in a platform idref). */
  platforms: Map<string, XmlNode>;
}

/** The CPE dictionary items and the benchmark's platform-specification. */
export function readCpeContent(benchmark: XmlNode, dictionaries: readonly XmlNode[]): CpeContent {
  const dictionary = new Map<string, CpeCheck[]>();
  for (const list of dictionaries)
    for (const item of list.children) {
      if (item.name !== 'cpe-item' || !item.attrs.name) continue;
      const checks = item.children
        .filter((c) => c.name === 'check')
        .map((c) => ({ system: c.attrs.system ?? '', href: c.attrs.href ?? '', name: c.text.trim() }));
      dictionary.set(item.attrs.name, checks);
    }
  const platforms = new Map<string, XmlNode>();
  for (const spec of benchmark.children)
    if (spec.name === 'platform-specification')
      for (const p of spec.children) if (p.name === 'platform' && p.attrs.id) platforms.set(p.attrs.id, p);
  return { dictionary, platforms };
}
