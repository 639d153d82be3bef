import { describe, expect, it } from 'vitest';
import { memoryImage, type MemoryFileSpec } from '../../../test/helpers/memory-file-view.js';
import type { CatalogResult } from '../types.js';
import { isLoginShell } from './accounts.js';
import { passwdCataloger } from './passwd-cataloger.js';

async function run(specs: MemoryFileSpec[]): Promise<CatalogResult> {
  const image = memoryImage(specs);
  return passwdCataloger.catalog({
    files: image.allLayers,
    squashed: image.squashed,
    distro: null,
    inspections: new Map(),
    packagesSoFar: [],
  });
}

const PASSWD = [
  'root:x:0:0:root:/root:/bin/bash',
  'daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin',
  'sync:x:4:65534:sync:/bin:/bin/sync',
  'app:x:1000:1000:App User,,,:/home/app:/bin/sh',
  'nopass:x:1001:1000::/home/nopass:/bin/bash',
  'legacy::1002:1000:::',
  'nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin',
].join('\n');
const GROUP = ['root:x:0:', 'daemon:x:1:', 'sudo:x:27:app,nopass', 'app:x:1000:', 'nogroup:x:65534:'].join(
  '\n',
);
const SHADOW = [
  'root:*:19000:0:99999:7:::',
  'daemon:*:19000:0:99999:7:::',
  'app:$y$j9T$abc$def:19000:0:99999:7:::',
  'nopass::19000:0:99999:7:::',
  'sync:!:19000::::::',
].join('\n');

describe('passwd cataloger', () => {
  it('wants the three account files only', () => {
    expect(
      ['/etc/passwd', '/etc/group', '/etc/shadow', '/etc/gshadow', '/etc/passwd-'].map((p) =>
        passwdCataloger.wants(p),
      ),
    ).toEqual([true, true, true, false, false]);
  });

  it('reads users, completed from group and shadow', async () => {
    const result = await run([
      { path: '/etc/passwd', content: PASSWD },
      { path: '/etc/group', content: GROUP },
      { path: '/etc/shadow', content: SHADOW },
    ]);
    expect(result.unknowns).toEqual([]);
    const user = (name: string) => result.users?.find((u) => u.name === name);
    expect(user('root')).toEqual({
      name: 'root',
      uid: 0,
      gid: 0,
      gecos: 'root',
      home: '/root',
      shell: '/bin/bash',
      groups: ['root'],
      loginShell: true,
      emptyPassword: false,
      locked: true,
    });
    expect(user('app')).toMatchObject({
      groups: ['app', 'sudo'],
      loginShell: true,
      emptyPassword: false,
      locked: false,
    });
    expect(user('nopass')).toMatchObject({ emptyPassword: true, locked: false, groups: ['app', 'sudo'] });
    expect(user('daemon')?.loginShell).toBe(false);
    expect(user('sync')).toMatchObject({ loginShell: false, locked: true, groups: ['nogroup'] });
    expect(user('legacy')).toMatchObject({ emptyPassword: true, loginShell: true });
    expect(user('legacy')?.shell).toBeUndefined();
    expect(user('nobody')).toMatchObject({ uid: 65534, locked: true, emptyPassword: false });
    expect(result.groups?.find((g) => g.name === 'sudo')).toEqual({
      name: 'sudo',
      gid: 27,
      members: ['app', 'nopass'],
    });
  });

  it('without shadow, the passwd field decides', async () => {
    const result = await run([
      { path: '/etc/passwd', content: 'a::1:1::/:/bin/sh\nb:x:2:2::/:/bin/sh\nc:!:3:3::/:/bin/sh\n' },
    ]);
    expect(result.users?.map((u) => [u.name, u.emptyPassword, u.locked])).toEqual([
      ['a', true, false],
      ['b', undefined, undefined],
      ['c', false, true],
    ]);
  });

  it('reports malformed lines with their number and keeps going', async () => {
    const result = await run([
      {
        path: '/etc/passwd',
        content:
          '# comment\nroot:x:0:0:root:/root:/bin/bash\nbroken line\nbad:x:notanumber:0::/:/bin/sh\n+nis\nok:x:5:5::/:/bin/sh\n',
      },
      { path: '/etc/group', content: 'root:x:0:\nwhat\n' },
    ]);
    expect(result.users?.map((u) => u.name)).toEqual(['root', 'ok']);
    expect(result.unknowns.map((u) => u.message)).toEqual([
      '/etc/passwd line 3: expected 7 fields, found 1',
      '/etc/passwd line 4: uid "notanumber" is not a number',
      '/etc/group line 2: expected 4 fields, found 1',
    ]);
    expect(result.unknowns[0]).toMatchObject({
      path: '/etc/passwd',
      layer: 'sha256:layer0',
      cataloger: 'passwd',
    });
  });

  it('an image without account files has no users and nothing unknown', async () => {
    expect(await run([{ path: '/bin/sh', content: 'x' }])).toEqual({ packages: [], unknowns: [] });
  });

  it('uses what the container sees: the squashed /etc/passwd', async () => {
    const result = await run([
      { path: '/etc/passwd', content: 'old:x:1:1::/:/bin/sh\n', layerIndex: 0 },
      { path: '/etc/passwd', content: 'new:x:1:1::/:/bin/sh\n', layerIndex: 1 },
    ]);
    expect(result.users?.map((u) => u.name)).toEqual(['new']);
  });

  it.each([
    ['/bin/bash', true],
    ['/usr/sbin/nologin', false],
    ['/bin/false', false],
    ['/sbin/halt', false],
    ['/sbin/shutdown', false],
    ['', true],
  ])('login shell %s → %s', (shell, expected) => {
    expect(isLoginShell(shell)).toBe(expected);
  });
});
