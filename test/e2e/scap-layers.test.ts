// SCAP evaluation straight from the layers of the real multi-layer test image: whiteouts and
// opaque directories hide what lower layers had, and files found only by a pattern are read in a
// second pass over the layers.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateScapImage } from '../../src/scap/evaluate-image.js';
import { testDataStream } from '../helpers/scap-content.js';
import { tempDir } from '../helpers/temp-dir.js';
import { getTestImages } from '../images/index.js';

const dir = tempDir('customs-scap-layers-');

const tfc = (id: string, location: string, pattern: string): string =>
  `<ind:textfilecontent54_object id="oval:t:obj:${id}" version="1">${location}<ind:pattern operation="pattern match">${pattern}</ind:pattern><ind:instance datatype="int" operation="greater than or equal">1</ind:instance></ind:textfilecontent54_object>`;

const content = testDataStream(
  [
    { name: 'secret_whited_out', criteria: '<oval:criterion test_ref="oval:t:tst:secret"/>' },
    { name: 'keep_stays', criteria: '<oval:criterion test_ref="oval:t:tst:keep"/>' },
    { name: 'opaque_hides_a_conf', criteria: '<oval:criterion test_ref="oval:t:tst:a_conf"/>' },
    { name: 'new_conf_by_pattern', criteria: '<oval:criterion test_ref="oval:t:tst:new_conf"/>' },
    { name: 'old_setting_gone', criteria: '<oval:criterion test_ref="oval:t:tst:old_setting"/>' },
  ],
  {
    tests: `
      <unix:file_test id="oval:t:tst:secret" version="1" check="all" check_existence="none_exist"><unix:object object_ref="oval:t:obj:secret"/></unix:file_test>
      <ind:textfilecontent54_test id="oval:t:tst:keep" version="1" check="all"><ind:object object_ref="oval:t:obj:keep"/></ind:textfilecontent54_test>
      <unix:file_test id="oval:t:tst:a_conf" version="1" check="all" check_existence="none_exist"><unix:object object_ref="oval:t:obj:a_conf"/></unix:file_test>
      <ind:textfilecontent54_test id="oval:t:tst:new_conf" version="1" check="all"><ind:object object_ref="oval:t:obj:new_conf"/></ind:textfilecontent54_test>
      <ind:textfilecontent54_test id="oval:t:tst:old_setting" version="1" check="all" check_existence="none_exist"><ind:object object_ref="oval:t:obj:old_setting"/></ind:textfilecontent54_test>`,
    objects: `
      <unix:file_object id="oval:t:obj:secret" version="1"><unix:filepath>/opt/app/secret.txt</unix:filepath></unix:file_object>
      ${tfc('keep', '<ind:filepath>/opt/app/keep.txt</ind:filepath>', '^this file stays$')}
      <unix:file_object id="oval:t:obj:a_conf" version="1"><unix:path>/etc/customs/removed</unix:path><unix:filename operation="pattern match">^a\\.conf$</unix:filename></unix:file_object>
      ${tfc('new_conf', '<ind:path>/etc/customs/removed</ind:path><ind:filename operation="pattern match">\\.conf$</ind:filename>', '^setting = new$')}
      ${tfc('old_setting', '<ind:path>/etc/customs</ind:path><ind:filename operation="pattern match">\\.conf$</ind:filename><ind:behaviors recurse_direction="down"/>', '^setting = a$')}`,
  },
);

describe('customs scap on the layered image', () => {
  it('sees the squashed filesystem and reads pattern-found files in a second pass', async () => {
    const ds = join(dir, 'ds.xml');
    writeFileSync(ds, content);
    const { layered } = getTestImages().images;
    const evaluation = await evaluateScapImage(`oci-dir:${layered.ociDir}:${layered.tag}`, ds);
    const results = Object.fromEntries(
      evaluation.results.map((r) => [r.ruleId.replace('xccdf_org.test_rule_', ''), r.result]),
    );
    expect(results).toEqual({
      secret_whited_out: 'pass',
      keep_stays: 'pass',
      opaque_hides_a_conf: 'pass',
      new_conf_by_pattern: 'pass',
      old_setting_gone: 'pass',
    });
    expect(evaluation.passes).toBe(2);
  });
});
