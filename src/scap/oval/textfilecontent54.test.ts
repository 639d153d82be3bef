import { describe, expect, it } from 'vitest';
import { definitionResult, fakeSystem, oneTest } from '../../../test/helpers/oval-fixtures.js';

const SSHD = '# comment\nPermitRootLogin no\nMaxAuthTries 4\n';

function tfc(object: string, test = '', state = ''): string {
  return oneTest(
    `<ind:textfilecontent54_test id="oval:t:tst:1" version="1" check="all" ${test}><ind:object object_ref="oval:t:obj:1"/>${state ? '<ind:state state_ref="oval:t:ste:1"/>' : ''}</ind:textfilecontent54_test>`,
    `<ind:textfilecontent54_object id="oval:t:obj:1" version="1">${object}</ind:textfilecontent54_object>`,
    state
      ? `<ind:textfilecontent54_state id="oval:t:ste:1" version="1">${state}</ind:textfilecontent54_state>`
      : '',
  );
}

const system = fakeSystem([
  { path: '/etc/ssh/sshd_config', content: SSHD },
  { path: '/etc/ssh/sshd_config.d/a.conf', content: 'MaxAuthTries 9\n' },
  { path: '/etc/ssh/sshd_config.d/b.conf', content: 'MaxAuthTries 3\n' },
  { path: '/etc/link.conf', type: 'symlink', linkTarget: 'ssh/sshd_config' },
]);

describe('textfilecontent54', () => {
  it('is true when a line matches (multiline: ^ and $ at line ends) and false when none does', () => {
    const object = (pattern: string): string =>
      `<ind:filepath>/etc/ssh/sshd_config</ind:filepath><ind:pattern operation="pattern match">${pattern}</ind:pattern><ind:instance datatype="int" operation="greater than or equal">1</ind:instance>`;
    expect(definitionResult(tfc(object('^PermitRootLogin[[:space:]]+no$')), system)).toBe('true');
    expect(definitionResult(tfc(object('^PermitRootLogin[[:space:]]+yes$')), system)).toBe('false');
  });

  it('compares a subexpression with an int state', () => {
    const object = `<ind:filepath>/etc/ssh/sshd_config</ind:filepath><ind:pattern operation="pattern match">^MaxAuthTries\\s+(\\d+)$</ind:pattern><ind:instance datatype="int" operation="equals">1</ind:instance>`;
    const lte = (n: number): string =>
      `<ind:subexpression datatype="int" operation="less than or equal">${n}</ind:subexpression>`;
    expect(definitionResult(tfc(object, '', lte(4)), system)).toBe('true');
    expect(definitionResult(tfc(object, '', lte(3)), system)).toBe('false');
  });

  it('finds files by path and filename pattern, and check="all" needs every match to satisfy the state', () => {
    const object = `<ind:path>/etc/ssh/sshd_config.d</ind:path><ind:filename operation="pattern match">^.*\\.conf$</ind:filename><ind:pattern operation="pattern match">^MaxAuthTries\\s+(\\d+)$</ind:pattern><ind:instance datatype="int" operation="greater than or equal">1</ind:instance>`;
    const state = (n: number): string =>
      `<ind:subexpression datatype="int" operation="less than or equal">${n}</ind:subexpression>`;
    expect(definitionResult(tfc(object, '', state(9)), system)).toBe('true');
    expect(definitionResult(tfc(object, '', state(4)), system)).toBe('false');
    expect(
      definitionResult(tfc(object, '', state(4)).replace('check="all"', 'check="at least one"'), system),
    ).toBe('true');
  });

  it('selects matches by instance number', () => {
    const sys = fakeSystem([{ path: '/etc/x', content: 'a=1\na=2\n' }]);
    const object = (instance: number): string =>
      `<ind:filepath>/etc/x</ind:filepath><ind:pattern operation="pattern match">^a=(\\d)$</ind:pattern><ind:instance datatype="int">${instance}</ind:instance>`;
    const state = '<ind:subexpression>2</ind:subexpression>';
    expect(definitionResult(tfc(object(2), '', state), sys)).toBe('true');
    expect(definitionResult(tfc(object(1), '', state), sys)).toBe('false');
  });

  it('follows a symlink to its file, inside the image', () => {
    const object = `<ind:filepath>/etc/link.conf</ind:filepath><ind:pattern operation="pattern match">^PermitRootLogin no$</ind:pattern><ind:instance datatype="int" operation="greater than or equal">1</ind:instance>`;
    expect(definitionResult(tfc(object), system)).toBe('true');
  });

  it('lets `.` match newlines only with singleline', () => {
    const object = (behaviors: string): string =>
      `${behaviors}<ind:filepath>/etc/ssh/sshd_config</ind:filepath><ind:pattern operation="pattern match">comment.PermitRootLogin</ind:pattern><ind:instance datatype="int" operation="greater than or equal">1</ind:instance>`;
    expect(definitionResult(tfc(object('')), system)).toBe('false');
    expect(definitionResult(tfc(object('<ind:behaviors singleline="true"/>')), system)).toBe('true');
  });

  it('none_exist passes when nothing matches and fails when something does', () => {
    const object = (pattern: string): string =>
      `<ind:filepath>/etc/ssh/sshd_config</ind:filepath><ind:pattern operation="pattern match">${pattern}</ind:pattern><ind:instance datatype="int" operation="greater than or equal">1</ind:instance>`;
    expect(
      definitionResult(tfc(object('^PermitEmptyPasswords yes'), 'check_existence="none_exist"'), system),
    ).toBe('true');
    expect(definitionResult(tfc(object('^PermitRootLogin'), 'check_existence="none_exist"'), system)).toBe(
      'false',
    );
  });

  it('a missing file has no items: at_least_one_exists fails, any_exist passes', () => {
    const object = `<ind:filepath>/etc/missing</ind:filepath><ind:pattern operation="pattern match">.*</ind:pattern><ind:instance datatype="int" operation="greater than or equal">1</ind:instance>`;
    expect(definitionResult(tfc(object), system)).toBe('false');
    expect(definitionResult(tfc(object, 'check_existence="any_exist"'), system)).toBe('true');
  });

  it('asks for the content of files it has not got, and does not pass on them', () => {
    const lazy = fakeSystem([{ path: '/etc/unread' }]);
    const object = `<ind:filepath>/etc/unread</ind:filepath><ind:pattern operation="pattern match">.*</ind:pattern><ind:instance datatype="int" operation="greater than or equal">1</ind:instance>`;
    expect(definitionResult(tfc(object), lazy)).toBe('false');
    expect([...lazy.needed]).toEqual(['/etc/unread']);
  });
});
