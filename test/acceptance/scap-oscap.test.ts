// Differential acceptance test of `customs scap` against OpenSCAP: the same SSG content and profile,
// evaluated by Customs straight from the image's layers and by `oscap` (OSCAP_PROBE_ROOT) on a
// scratch copy of the image's root filesystem unpacked by umoci. Every rule both evaluate to pass
// or fail must agree; the test lists each disagreement.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScapContent } from '../../src/scap/content/load-content.js';
import { evaluateScapImage } from '../../src/scap/evaluate-image.js';
import type { XmlNode } from '../../src/xml/xml-reader.js';
import { tempDir } from '../helpers/temp-dir.js';
import { getTestImages } from '../images/index.js';
import { debianDataStream, oscapEvaluate, oscapVersion } from '../oracle/oscap.js';

const oscap = oscapVersion();
const content = debianDataStream();
const umoci = spawnSync('umoci', ['--version']).status === 0;
const missing = [
  !oscap && 'oscap (apt-get install openscap-scanner)',
  !content && 'SSG content (apt-get install ssg-debian)',
  !umoci && 'umoci',
]
  .filter(Boolean)
  .join(', ');
if (missing) process.stderr.write(`scap-oscap: skipped, missing ${missing}\n`);

/** A tailoring profile (written by the test) that selects every rule of the benchmark. */
const EVERY_RULE = 'xccdf_org.customs.test_profile_every_rule';
const PROFILES = [
  'xccdf_org.ssgproject.content_profile_standard',
  'xccdf_org.ssgproject.content_profile_anssi_np_nt28_high',
  EVERY_RULE,
];
const DECIDED = new Set(['pass', 'fail']);

/**
 * ssg-debian ships content up to Debian 11; its benchmark-level platform (Debian 11) makes every
 * rule notapplicable on a bookworm image, for oscap and Customs alike. The comparison is made on
 * a copy without that one element, evaluated by both.
 */
function contentForBookworm(dir: string, path: string): string {
  const text = readFileSync(path, 'utf8');
  const stripped = text.replace(/<xccdf-1\.2:platform idref="cpe:\/o:debian:debian_linux:\d+"\/>/g, '');
  const out = join(dir, 'content-ds.xml');
  writeFileSync(out, stripped);
  return out;
}

function everyRuleTailoring(dir: string, ruleIds: readonly string[]): string {
  const selects = ruleIds.map((id) => `    <xccdf:select idref="${id}" selected="true"/>`).join('\n');
  const out = join(dir, 'every-rule-tailoring.xml');
  writeFileSync(
    out,
    `<?xml version="1.0" encoding="UTF-8"?>
<xccdf:Tailoring xmlns:xccdf="http://checklists.nist.gov/xccdf/1.2" id="xccdf_org.customs.test_tailoring_every_rule">
  <xccdf:version time="2026-01-01T00:00:00">1</xccdf:version>
  <xccdf:Profile id="${EVERY_RULE}">
    <xccdf:title>Every rule</xccdf:title>
${selects}
  </xccdf:Profile>
</xccdf:Tailoring>
`,
  );
  return out;
}

/**
 * Rules whose check reads the process environment (environmentvariable58): Customs answers from
 * the image config's Env, oscap from /proc of a root filesystem that has no process. They are
 * left out of the comparison, by design, and listed.
 */
async function environmentRules(ds: string): Promise<Set<string>> {
  const content = await loadScapContent(ds);
  const out = new Set<string>();
  for (const rule of content.benchmark.rules) {
    const ref = rule.checks.find((c) => c.refs[0]?.name)?.refs[0];
    const doc = ref ? content.oval.get(ref.href) : undefined;
    if (!doc || !ref?.name) continue;
    const seen = new Set<string>();
    const uses = (id: string): boolean => {
      if (seen.has(id)) return false;
      seen.add(id);
      const walk = (n: XmlNode): boolean =>
        (n.name === 'criterion' &&
          doc.tests.get(n.attrs.test_ref ?? '')?.name === 'environmentvariable58_test') ||
        (n.name === 'extend_definition' && uses(n.attrs.definition_ref ?? '')) ||
        n.children.some(walk);
      const def = doc.definitions.get(id);
      return def ? walk(def) : false;
    };
    if (uses(ref.name)) out.add(rule.id);
  }
  return out;
}

describe.skipIf(missing !== '')(`customs scap agrees with ${oscap ?? 'oscap'}`, () => {
  const dir = tempDir('customs-scap-');
  const images = getTestImages().images;
  const targets = [
    { name: 'bookworm', ociDir: images.bookworm.ociDir, tag: images.bookworm.tag },
    { name: 'polyglot', ociDir: images.polyglot.ociDir, tag: images.polyglot.tag },
  ];
  const ds = existsSync(dir) && content ? contentForBookworm(dir, content) : '';

  describe.each(targets)('$name image', ({ name, ociDir, tag }) => {
    const bundle = join(dir, `${name}-bundle`);
    const unpack = (): void => {
      if (existsSync(join(bundle, 'rootfs'))) return;
      const rootless = process.getuid?.() !== 0 ? ['--rootless'] : [];
      const r = spawnSync('umoci', ['unpack', ...rootless, '--image', `${ociDir}:${tag}`, bundle], {
        encoding: 'utf8',
      });
      if (r.status !== 0) throw new Error(`umoci unpack failed: ${r.stderr}`);
    };

    it.each(PROFILES)(
      'profile %s: every rule both decide agrees',
      async (profile) => {
        unpack();
        const loaded = await loadScapContent(ds);
        const tailoring =
          profile === EVERY_RULE
            ? everyRuleTailoring(
                dir,
                loaded.benchmark.rules.map((r) => r.id),
              )
            : undefined;
        const byDesign = await environmentRules(ds);
        const started = Date.now();
        const ours = await evaluateScapImage(`oci-dir:${ociDir}:${tag}`, ds, {
          profile,
          ...(tailoring ? { tailoring } : {}),
        });
        const oursMs = Date.now() - started;
        const oscapStarted = Date.now();
        const theirs = oscapEvaluate(
          ds,
          profile,
          join(bundle, 'rootfs'),
          join(dir, `${name}-results.xml`),
          tailoring,
        );
        const oscapMs = Date.now() - oscapStarted;
        const selected = ours.results.filter((r) => r.result !== 'notselected');
        const disagreements: string[] = [];
        let compared = 0;
        let agreed = 0;
        const skipped: string[] = [];
        for (const r of selected) {
          const other = theirs.get(r.ruleId);
          if (!other || !DECIDED.has(other) || !DECIDED.has(r.result)) continue;
          if (byDesign.has(r.ruleId)) {
            skipped.push(`${r.ruleId} (customs ${r.result}, oscap ${other})`);
            continue;
          }
          compared++;
          if (other === r.result) agreed++;
          else disagreements.push(`${r.ruleId}: customs ${r.result}, oscap ${other}`);
        }
        const count = (value: string): number => selected.filter((r) => r.result === value).length;
        process.stderr.write(
          `scap-oscap ${name} ${profile}: ${selected.length} selected, ${compared} decided by both, ${agreed} agreed, ` +
            `customs notchecked ${count('notchecked')}, notapplicable ${count('notapplicable')}, ` +
            `customs ${oursMs} ms (${ours.passes} passes, ${ours.filesRead} files read), oscap ${oscapMs} ms` +
            (skipped.length > 0 ? `; left out (image config Env vs no process): ${skipped.join(', ')}` : '') +
            '\n',
        );
        expect(disagreements).toEqual([]);
        expect(compared).toBeGreaterThan(0);
      },
      600_000,
    );
  });
});
