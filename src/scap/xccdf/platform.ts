import type { XmlNode } from '../../xml/xml-reader.js';
import type { CpeContent } from '../content/cpe.js';
import { OVAL_SYSTEM } from '../namespaces.js';
import type { OvalResult } from '../oval/result.js';

/** Evaluates an OVAL definition of the document at `href`; undefined when there is no such document. */
export type DefinitionEvaluator = (href: string, definitionId: string) => OvalResult | undefined;

/**
 * Decides which XCCDF platforms apply to the image, as `oscap` does: a CPE name applies when
 * its dictionary check (an OVAL definition) is true; a `#id` names a CPE applicability-language
 * platform whose logical test combines CPE names. A name with no check does not apply.
 */
export class PlatformResolver {
  private readonly names = new Map<string, boolean>();

  constructor(
    private readonly cpe: CpeContent,
    private readonly evaluate: DefinitionEvaluator,
  ) {}

  /** Whether one platform idref applies. */
  applies(idref: string): boolean {
    if (idref.startsWith('#')) {
      const platform = this.cpe.platforms.get(idref.slice(1));
      const test = platform?.children.find((c) => c.name === 'logical-test');
      return test ? this.logicalTest(test) : false;
    }
    return this.nameApplies(idref);
  }

  /** An item applies when it names no platform, or any of those it names applies. */
  anyApplies(idrefs: readonly string[]): boolean {
    return idrefs.length === 0 || idrefs.some((p) => this.applies(p));
  }

  private nameApplies(name: string): boolean {
    let known = this.names.get(name);
    if (known === undefined) {
      const checks = (this.cpe.dictionary.get(name) ?? []).filter((c) => c.system === OVAL_SYSTEM);
      known = checks.some((c) => this.evaluate(c.href, c.name) === 'true');
      this.names.set(name, known);
    }
    return known;
  }

  private logicalTest(test: XmlNode): boolean {
    const results: boolean[] = [];
    for (const c of test.children) {
      if (c.name === 'logical-test') results.push(this.logicalTest(c));
      else if (c.name === 'fact-ref' && c.attrs.name) results.push(this.nameApplies(c.attrs.name));
      else if (c.name === 'check-fact-ref' && c.attrs['id-ref'])
        results.push(this.evaluate(c.attrs.href ?? '', c.attrs['id-ref']) === 'true');
    }
    const or = test.attrs.operator === 'OR';
    const value = or ? results.some(Boolean) : results.length > 0 && results.every(Boolean);
    return test.attrs.negate === 'true' ? !value : value;
  }
}
