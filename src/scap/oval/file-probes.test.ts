import { describe, expect, it } from 'vitest';
import { definitionResult, fakeSystem, oneTest } from '../../../test/helpers/oval-fixtures.js';

const system = fakeSystem([
  { path: '/etc/shadow', mode: 0o640, gid: 42 },
  { path: '/etc/passwd', mode: 0o644 },
  { path: '/var/log/a.log', mode: 0o640 },
  { path: '/var/log/apt/b.log', mode: 0o666 },
  { path: '/var/log/link', type: 'symlink', linkTarget: '/etc/passwd', mode: 0o777 },
  { path: '/usr/lib/os-release', content: 'ID=debian\n' },
  { path: '/etc/os-release', type: 'symlink', linkTarget: '../usr/lib/os-release' },
]);

function fileTest(object: string, state: string, test = 'check="all"'): string {
  return oneTest(
    `<unix:file_test id="oval:t:tst:1" version="1" ${test}><unix:object object_ref="oval:t:obj:1"/>${state ? '<unix:state state_ref="oval:t:ste:1"/>' : ''}</unix:file_test>`,
    `<unix:file_object id="oval:t:obj:1" version="1">${object}</unix:file_object>`,
    state ? `<unix:file_state id="oval:t:ste:1" version="1">${state}</unix:file_state>` : '',
  );
}

describe('unix file', () => {
  it('compares permission bits and owners', () => {
    const object = '<unix:filepath>/etc/shadow</unix:filepath>';
    expect(
      definitionResult(
        fileTest(
          object,
          '<unix:oread datatype="boolean">false</unix:oread><unix:group_id datatype="int">42</unix:group_id>',
        ),
        system,
      ),
    ).toBe('true');
    expect(
      definitionResult(fileTest(object, '<unix:gread datatype="boolean">false</unix:gread>'), system),
    ).toBe('false');
  });

  it('a state with operator OR passes when one entity matches', () => {
    const object = '<unix:filepath>/etc/shadow</unix:filepath>';
    const state =
      '<unix:user_id datatype="int">7</unix:user_id><unix:gread datatype="boolean">true</unix:gread>';
    expect(
      definitionResult(
        fileTest(object, state).replace('<unix:file_state ', '<unix:file_state operator="OR" '),
        system,
      ),
    ).toBe('true');
    expect(definitionResult(fileTest(object, state), system)).toBe('false');
  });

  it('recurses down from a path, and an exclude filter drops symlinks', () => {
    const object = (filter: string): string =>
      `<unix:behaviors recurse="directories" recurse_direction="down" max_depth="-1"/><unix:path>/var/log</unix:path><unix:filename operation="pattern match">^.*$</unix:filename>${filter}`;
    const state = '<unix:owrite datatype="boolean">true</unix:owrite>';
    // b.log is world-writable: "none satisfy" the owrite=true state fails.
    expect(definitionResult(fileTest(object(''), state, 'check="none satisfy"'), system)).toBe('false');
    const noLink = fileTest(
      object('<filter action="exclude">oval:t:ste:2</filter>'),
      '<unix:oexec datatype="boolean">true</unix:oexec>',
      'check="none satisfy"',
    ).replace(
      '</states>',
      '<unix:file_state id="oval:t:ste:2" version="1"><unix:type operation="equals">symbolic link</unix:type></unix:file_state></states>',
    );
    // The symlink has mode 0777 (oexec): without the filter it would fail the test.
    expect(definitionResult(noLink, system)).toBe('true');
    expect(definitionResult(noLink.replace(/<filter[^<]*<\/filter>/, ''), system)).toBe('false');
  });

  it('does not recurse without recurse_direction', () => {
    const object =
      '<unix:path>/var/log</unix:path><unix:filename operation="pattern match">^b\\.log$</unix:filename>';
    expect(definitionResult(fileTest(object, ''), system)).toBe('false');
  });

  it('a nil filename names the directory itself', () => {
    const object = '<unix:path>/var/log</unix:path><unix:filename xsi:nil="true"/>';
    expect(definitionResult(fileTest(object, '<unix:type>directory</unix:type>'), system)).toBe('true');
  });

  it('reports a symlink as a symlink (lstat)', () => {
    const object = '<unix:filepath>/etc/os-release</unix:filepath>';
    expect(definitionResult(fileTest(object, '<unix:type>symbolic link</unix:type>'), system)).toBe('true');
  });
});

describe('unix symlink', () => {
  it('gives the canonical path inside the image', () => {
    const xml = (target: string): string =>
      oneTest(
        '<unix:symlink_test id="oval:t:tst:1" version="1" check="all"><unix:object object_ref="oval:t:obj:1"/><unix:state state_ref="oval:t:ste:1"/></unix:symlink_test>',
        '<unix:symlink_object id="oval:t:obj:1" version="1"><unix:filepath>/etc/os-release</unix:filepath></unix:symlink_object>',
        `<unix:symlink_state id="oval:t:ste:1" version="1"><unix:canonical_path>${target}</unix:canonical_path></unix:symlink_state>`,
      );
    expect(definitionResult(xml('/usr/lib/os-release'), system)).toBe('true');
    expect(definitionResult(xml('/etc/os-release'), system)).toBe('false');
  });
});

describe('linux dpkginfo', () => {
  const status = [
    'Package: openssh-server\nStatus: install ok installed\nArchitecture: amd64\nVersion: 1:9.2p1-2+deb12u3\n',
    'Package: telnetd\nStatus: deinstall ok config-files\nArchitecture: amd64\nVersion: 0.17-44\n',
  ].join('\n');
  const dpkg = fakeSystem([{ path: '/var/lib/dpkg/status', content: status }]);
  const xml = (name: string, state = ''): string =>
    oneTest(
      `<linux:dpkginfo_test id="oval:t:tst:1" version="1" check="all" check_existence="at_least_one_exists"><linux:object object_ref="oval:t:obj:1"/>${state ? '<linux:state state_ref="oval:t:ste:1"/>' : ''}</linux:dpkginfo_test>`,
      `<linux:dpkginfo_object id="oval:t:obj:1" version="1"><linux:name>${name}</linux:name></linux:dpkginfo_object>`,
      state ? `<linux:dpkginfo_state id="oval:t:ste:1" version="1">${state}</linux:dpkginfo_state>` : '',
    );

  it('finds installed packages only', () => {
    expect(definitionResult(xml('openssh-server'), dpkg)).toBe('true');
    expect(definitionResult(xml('telnetd'), dpkg)).toBe('false');
    expect(definitionResult(xml('absent'), dpkg)).toBe('false');
  });

  it('compares the evr by dpkg rules (epoch first)', () => {
    const evr = (op: string, v: string): string =>
      `<linux:evr datatype="debian_evr_string" operation="${op}">${v}</linux:evr>`;
    expect(definitionResult(xml('openssh-server', evr('greater than or equal', '1:9.2p1-2')), dpkg)).toBe(
      'true',
    );
    expect(definitionResult(xml('openssh-server', evr('less than', '0:10.0-1')), dpkg)).toBe('false');
    expect(definitionResult(xml('openssh-server', evr('equals', '1:9.2p1-2+deb12u3')), dpkg)).toBe('true');
    expect(
      definitionResult(
        xml('openssh-server', '<linux:epoch>1</linux:epoch><linux:version>9.2p1</linux:version>'),
        dpkg,
      ),
    ).toBe('true');
  });
});
