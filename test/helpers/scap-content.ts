// Builds small SCAP source data streams for tests: one selected rule per OVAL definition.

const OVAL_NS = `xmlns:oval="http://oval.mitre.org/XMLSchema/oval-definitions-5"
  xmlns:ind="http://oval.mitre.org/XMLSchema/oval-definitions-5#independent"
  xmlns:unix="http://oval.mitre.org/XMLSchema/oval-definitions-5#unix"
  xmlns:linux="http://oval.mitre.org/XMLSchema/oval-definitions-5#linux"`;

export interface TestRule {
  /** Rule id suffix and definition id suffix. */
  name: string;
  /** The definition's criteria (inner XML of oval:criteria). */
  criteria: string;
}

/**
 * A data stream with a benchmark whose rules (all selected) each check one definition, and an
 * OVAL component with those definitions and the given tests, objects and states (prefix `oval:`
 * for the OVAL core namespace, `ind:`, `unix:`, `linux:` for the probes).
 */
export function testDataStream(
  rules: readonly TestRule[],
  oval: { tests: string; objects: string; states?: string },
): string {
  const xccdfRules = rules
    .map(
      (
        r,
      ) => `<xccdf:Rule id="xccdf_org.test_rule_${r.name}" selected="true" severity="medium"><xccdf:title>${r.name}</xccdf:title>
        <xccdf:check system="http://oval.mitre.org/XMLSchema/oval-definitions-5"><xccdf:check-content-ref href="oval.xml" name="oval:t:def:${r.name}"/></xccdf:check></xccdf:Rule>`,
    )
    .join('\n');
  const definitions = rules
    .map(
      (r) =>
        `<oval:definition id="oval:t:def:${r.name}" class="compliance" version="1"><oval:criteria>${r.criteria}</oval:criteria></oval:definition>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<ds:data-stream-collection xmlns:ds="http://scap.nist.gov/schema/scap/source/1.2" xmlns:xlink="http://www.w3.org/1999/xlink"
  xmlns:cat="urn:oasis:names:tc:entity:xmlns:xml:catalog" xmlns:xccdf="http://checklists.nist.gov/xccdf/1.2" ${OVAL_NS} id="scap_t_collection" schematron-version="1.3">
  <ds:data-stream id="scap_t_datastream" scap-version="1.3" use-case="OTHER">
    <ds:checklists><ds:component-ref id="scap_t_cref_xccdf" xlink:href="#scap_t_comp_xccdf"><cat:catalog><cat:uri name="oval.xml" uri="#scap_t_cref_oval"/></cat:catalog></ds:component-ref></ds:checklists>
    <ds:checks><ds:component-ref id="scap_t_cref_oval" xlink:href="#scap_t_comp_oval"/></ds:checks>
  </ds:data-stream>
  <ds:component id="scap_t_comp_xccdf" timestamp="2026-01-01T00:00:00">
    <xccdf:Benchmark id="xccdf_org.test_benchmark_T" resolved="true"><xccdf:status>draft</xccdf:status><xccdf:title>T</xccdf:title><xccdf:version>1</xccdf:version>
      ${xccdfRules}
    </xccdf:Benchmark>
  </ds:component>
  <ds:component id="scap_t_comp_oval" timestamp="2026-01-01T00:00:00">
    <oval:oval_definitions>
      <oval:definitions>${definitions}</oval:definitions>
      <oval:tests>${oval.tests}</oval:tests>
      <oval:objects>${oval.objects}</oval:objects>
      ${oval.states ? `<oval:states>${oval.states}</oval:states>` : ''}
    </oval:oval_definitions>
  </ds:component>
</ds:data-stream-collection>
`;
}
