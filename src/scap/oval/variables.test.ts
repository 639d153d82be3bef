import { describe, expect, it } from 'vitest';
import {
  contextOf,
  definitionResult,
  fakeSystem,
  oneTest,
  ovalDocument,
} from '../../../test/helpers/oval-fixtures.js';
import { resolveVariable } from './variables.js';

const system = fakeSystem(
  [
    { path: '/etc/login.defs', content: 'PASS_MAX_DAYS 90\nUMASK 027\n' },
    { path: '/etc/profile.d/a.sh', content: 'umask 027\n' },
    { path: '/etc/profile.d/b.sh', content: 'umask 022\n' },
  ],
  { PATH: '/usr/bin:/bin', TMOUT: '600' },
);

const tfcObject = (id: string, file: string, pattern: string): string =>
  `<ind:textfilecontent54_object id="${id}" version="1"><ind:filepath>${file}</ind:filepath><ind:pattern operation="pattern match">${pattern}</ind:pattern><ind:instance datatype="int" operation="greater than or equal">1</ind:instance></ind:textfilecontent54_object>`;

function valuesOf(variables: string, objects = '', id = 'oval:t:var:1'): string[] {
  const context = contextOf(ovalDocument({ variables, objects }), system);
  const v = resolveVariable(context, id);
  if (v.error) throw new Error(v.error);
  return v.values;
}

describe('OVAL variables', () => {
  it('gives external values, and an error without them', () => {
    const xml = ovalDocument({
      variables: '<external_variable id="oval:t:var:1" datatype="int" version="1"/>',
    });
    expect(
      resolveVariable(contextOf(xml, system, { 'oval:t:var:1': ['90'] }), 'oval:t:var:1').values,
    ).toEqual(['90']);
    expect(resolveVariable(contextOf(xml, system), 'oval:t:var:1').error).toMatch(/no value/);
  });

  it('concatenates literals and variables (cartesian product)', () => {
    const vars = `<constant_variable id="oval:t:var:2" datatype="string" version="1"><value>a</value><value>b</value></constant_variable>
      <local_variable id="oval:t:var:1" datatype="string" version="1"><concat><literal_component>x-</literal_component><variable_component var_ref="oval:t:var:2"/></concat></local_variable>`;
    expect(valuesOf(vars)).toEqual(['x-a', 'x-b']);
  });

  it('takes object items (object_component) and counts, de-duplicates and captures', () => {
    const objects =
      tfcObject('oval:t:obj:1', '/etc/profile.d/a.sh', '^umask\\s+(\\d+)$') +
      tfcObject('oval:t:obj:2', '/etc/profile.d/b.sh', '^umask\\s+(\\d+)$');
    const component =
      '<object_component object_ref="oval:t:obj:1" item_field="subexpression"/><object_component object_ref="oval:t:obj:2" item_field="subexpression"/>';
    expect(
      valuesOf(
        `<local_variable id="oval:t:var:1" datatype="string" version="1"><unique>${component}</unique></local_variable>`,
        objects,
      ),
    ).toEqual(['027', '022']);
    expect(
      valuesOf(
        `<local_variable id="oval:t:var:1" datatype="int" version="1"><count>${component}</count></local_variable>`,
        objects,
      ),
    ).toEqual(['2']);
    expect(
      valuesOf(
        '<local_variable id="oval:t:var:1" datatype="string" version="1"><regex_capture pattern="^0(\\d)"><object_component object_ref="oval:t:obj:1" item_field="subexpression"/></regex_capture></local_variable>',
        objects,
      ),
    ).toEqual(['2']);
  });

  it('does arithmetic, escapes regexes, splits, takes substrings and turns globs into regexes', () => {
    const local = (body: string, datatype = 'string'): string =>
      `<local_variable id="oval:t:var:1" datatype="${datatype}" version="1">${body}</local_variable>`;
    expect(
      valuesOf(
        local(
          '<arithmetic arithmetic_operation="multiply"><literal_component>7</literal_component><literal_component>86400</literal_component></arithmetic>',
          'int',
        ),
      ),
    ).toEqual(['604800']);
    expect(
      valuesOf(
        local(
          '<arithmetic arithmetic_operation="add"><literal_component>7</literal_component><literal_component>3</literal_component></arithmetic>',
          'int',
        ),
      ),
    ).toEqual(['10']);
    expect(
      valuesOf(local('<escape_regex><literal_component>/etc/a.b</literal_component></escape_regex>')),
    ).toEqual(['/etc/a\\.b']);
    expect(
      valuesOf(local('<split delimiter=":"><literal_component>a:b</literal_component></split>')),
    ).toEqual(['a', 'b']);
    expect(
      valuesOf(
        local(
          '<substring substring_start="2" substring_length="3"><literal_component>abcdef</literal_component></substring>',
        ),
      ),
    ).toEqual(['bcd']);
    expect(
      valuesOf(local('<glob_to_regex><literal_component>/etc/*.conf</literal_component></glob_to_regex>')),
    ).toEqual(['^/etc/[^/]*\\.conf$']);
  });

  it('an unsupported function is an error, not a value', () => {
    const context = contextOf(
      ovalDocument({
        variables:
          '<local_variable id="oval:t:var:1" datatype="int" version="1"><time_difference><literal_component>1</literal_component></time_difference></local_variable>',
      }),
      system,
    );
    expect(resolveVariable(context, 'oval:t:var:1').error).toMatch(/not supported/);
  });

  it('feeds a state entity through var_ref and var_check', () => {
    const xml = (varCheck: string): string =>
      oneTest(
        '<ind:textfilecontent54_test id="oval:t:tst:1" version="1" check="all"><ind:object object_ref="oval:t:obj:1"/><ind:state state_ref="oval:t:ste:1"/></ind:textfilecontent54_test>',
        tfcObject('oval:t:obj:1', '/etc/login.defs', '^PASS_MAX_DAYS\\s+(\\d+)$'),
        `<ind:textfilecontent54_state id="oval:t:ste:1" version="1"><ind:subexpression datatype="int" operation="less than or equal" var_ref="oval:t:var:1" var_check="${varCheck}"/></ind:textfilecontent54_state>`,
        '<constant_variable id="oval:t:var:1" datatype="int" version="1"><value>60</value><value>365</value></constant_variable>',
      );
    expect(definitionResult(xml('at least one'), system)).toBe('true');
    expect(definitionResult(xml('all'), system)).toBe('false');
  });

  it('variable_test compares a variable’s values', () => {
    const xml = (expected: string): string =>
      oneTest(
        '<ind:variable_test id="oval:t:tst:1" version="1" check="all"><ind:object object_ref="oval:t:obj:1"/><ind:state state_ref="oval:t:ste:1"/></ind:variable_test>',
        '<ind:variable_object id="oval:t:obj:1" version="1"><ind:var_ref>oval:t:var:1</ind:var_ref></ind:variable_object>',
        `<ind:variable_state id="oval:t:ste:1" version="1"><ind:value datatype="int" operation="equals">${expected}</ind:value></ind:variable_state>`,
        '<constant_variable id="oval:t:var:1" datatype="int" version="1"><value>3</value></constant_variable>',
      );
    expect(definitionResult(xml('3'), system)).toBe('true');
    expect(definitionResult(xml('4'), system)).toBe('false');
  });

  it('a variable with no values gives a variable_object no item (the test fails, no error)', () => {
    const xml = oneTest(
      '<ind:variable_test id="oval:t:tst:1" version="1" check="all"><ind:object object_ref="oval:t:obj:1"/><ind:state state_ref="oval:t:ste:1"/></ind:variable_test>',
      '<ind:variable_object id="oval:t:obj:1" version="1"><ind:var_ref>oval:t:var:1</ind:var_ref></ind:variable_object>' +
        tfcObject('oval:t:obj:2', '/etc/login.defs', '^PASS_MIN_LEN\\s+(\\d+)$'),
      '<ind:variable_state id="oval:t:ste:1" version="1"><ind:value datatype="int" operation="greater than or equal">8</ind:value></ind:variable_state>',
      '<local_variable id="oval:t:var:1" datatype="int" version="1"><object_component object_ref="oval:t:obj:2" item_field="subexpression"/></local_variable>',
    );
    expect(definitionResult(xml, system)).toBe('false');
  });

  it('a variable built from an object Customs does not collect leaves its tests not evaluated', () => {
    const xml = oneTest(
      '<unix:file_test id="oval:t:tst:1" version="1" check="all"><unix:object object_ref="oval:t:obj:1"/></unix:file_test>',
      '<unix:file_object id="oval:t:obj:1" version="1"><unix:path var_ref="oval:t:var:1" var_check="at least one"/><unix:filename xsi:nil="true"/></unix:file_object>' +
        '<unix:password_object id="oval:t:obj:2" version="1"><unix:username operation="pattern match">.*</unix:username></unix:password_object>',
      '',
      '<local_variable id="oval:t:var:1" datatype="string" version="1"><object_component object_ref="oval:t:obj:2" item_field="home_dir"/></local_variable>',
    );
    expect(definitionResult(xml, system)).toBe('not evaluated');
  });

  it('environmentvariable58 reads the image config environment', () => {
    const xml = (value: string): string =>
      oneTest(
        '<ind:environmentvariable58_test id="oval:t:tst:1" version="1" check="all"><ind:object object_ref="oval:t:obj:1"/><ind:state state_ref="oval:t:ste:1"/></ind:environmentvariable58_test>',
        '<ind:environmentvariable58_object id="oval:t:obj:1" version="1"><ind:pid xsi:nil="true" datatype="int"/><ind:name>TMOUT</ind:name></ind:environmentvariable58_object>',
        `<ind:environmentvariable58_state id="oval:t:ste:1" version="1"><ind:value datatype="int" operation="less than or equal">${value}</ind:value></ind:environmentvariable58_state>`,
      );
    expect(definitionResult(xml('900'), system)).toBe('true');
    expect(definitionResult(xml('300'), system)).toBe('false');
  });
});
