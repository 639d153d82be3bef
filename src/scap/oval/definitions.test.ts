import { describe, expect, it } from 'vitest';
import { definitionResult, fakeSystem, ovalDocument } from '../../../test/helpers/oval-fixtures.js';

const system = fakeSystem([{ path: '/etc/present', content: 'yes\n' }]);

// tst:t is true (the file exists), tst:f is false (it does not), tst:n is a sysctl test that
// Customs does not collect (not evaluated).
const TESTS = `
  <unix:file_test id="oval:t:tst:t" version="1" check="all"><unix:object object_ref="oval:t:obj:t"/></unix:file_test>
  <unix:file_test id="oval:t:tst:f" version="1" check="all"><unix:object object_ref="oval:t:obj:f"/></unix:file_test>
  <unix:sysctl_test id="oval:t:tst:n" version="1" check="all"><unix:object object_ref="oval:t:obj:n"/></unix:sysctl_test>
  <ind:family_test id="oval:t:tst:fam" version="1" check="all"><ind:object object_ref="oval:t:obj:fam"/><ind:state state_ref="oval:t:ste:fam"/></ind:family_test>`;
const OBJECTS = `
  <unix:file_object id="oval:t:obj:t" version="1"><unix:filepath>/etc/present</unix:filepath></unix:file_object>
  <unix:file_object id="oval:t:obj:f" version="1"><unix:filepath>/etc/absent</unix:filepath></unix:file_object>
  <unix:sysctl_object id="oval:t:obj:n" version="1"><unix:name>kernel.randomize_va_space</unix:name></unix:sysctl_object>
  <ind:family_object id="oval:t:obj:fam" version="1"/>`;
const STATES =
  '<ind:family_state id="oval:t:ste:fam" version="1"><ind:family>unix</ind:family></ind:family_state>';

function result(criteria: string, extra = ''): string {
  const xml = ovalDocument({
    definitions: `<definition id="oval:t:def:1" class="compliance" version="1">${criteria}</definition>${extra}`,
    tests: TESTS,
    objects: OBJECTS,
    states: STATES,
  });
  return definitionResult(xml, system);
}

const c = (test: string, negate = false): string =>
  `<criterion test_ref="oval:t:tst:${test}"${negate ? ' negate="true"' : ''}/>`;

describe('OVAL criteria', () => {
  it.each([
    ['AND', [c('t'), c('t')], 'true'],
    ['AND', [c('t'), c('f')], 'false'],
    ['OR', [c('f'), c('t')], 'true'],
    ['OR', [c('f'), c('f')], 'false'],
    ['AND', [c('t'), c('f', true)], 'true'],
    ['ONE', [c('t'), c('t')], 'false'],
    ['AND', [c('t'), c('n')], 'not evaluated'],
    ['OR', [c('t'), c('n')], 'true'],
    ['AND', [c('fam')], 'true'],
  ])('%s of %j is %s', (op, parts, expected) => {
    expect(result(`<criteria operator="${op}">${parts.join('')}</criteria>`)).toBe(expected);
  });

  it('negates criteria and extended definitions', () => {
    expect(result(`<criteria negate="true">${c('t')}</criteria>`)).toBe('false');
    const other = `<definition id="oval:t:def:2" class="compliance" version="1"><criteria>${c('f')}</criteria></definition>`;
    expect(
      result('<criteria><extend_definition definition_ref="oval:t:def:2" negate="true"/></criteria>', other),
    ).toBe('true');
    expect(result('<criteria><extend_definition definition_ref="oval:t:def:2"/></criteria>', other)).toBe(
      'false',
    );
  });

  it('never passes a test it cannot run, even negated', () => {
    expect(result(`<criteria>${c('n', true)}</criteria>`)).toBe('not evaluated');
  });

  it('a reference to a missing test is an error', () => {
    expect(result('<criteria><criterion test_ref="oval:t:tst:missing"/></criteria>')).toBe('error');
  });
});
