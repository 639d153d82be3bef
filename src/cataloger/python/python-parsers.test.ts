import { describe, expect, it } from 'vitest';
import { parseCoreMetadata, parseRequiresTxt } from './core-metadata.js';
import { decodePythonText } from './decode-text.js';
import { normalisePythonName, pypiPurl } from './name.js';
import { parsePipfileLock } from './pipfile-lock.js';
import { parseRecordFile } from './record-file.js';
import { parseRequirement, pinnedVersion } from './requirement.js';
import { parseRequirementsTxt } from './requirements-txt.js';
import { parsePoetryLock, parseUvLock } from './toml-lock.js';

const METADATA = [
  'Metadata-Version: 2.1',
  'Name: Foo_Bar',
  'Version: 1.2.3',
  'Summary: a thing',
  'Home-page: https://example.org',
  'Author: Jane',
  'License: UNKNOWN',
  'Classifier: License :: OSI Approved :: MIT License',
  'Classifier: Programming Language :: Python',
  'Requires-Python: >=3.8',
  'Requires-Dist: requests (>=2.0)',
  "Requires-Dist: PySocks ; extra == 'socks'",
  "Requires-Dist: typing_extensions; python_version < '3.10'",
  '',
  'Name: not-a-header (body)',
].join('\r\n');

describe('core metadata', () => {
  it('reads the header block only, with classifier licenses and unconditional requirements', () => {
    const outcome = parseCoreMetadata(METADATA);
    expect(outcome).toMatchObject({
      kind: 'distribution',
      metadata: {
        name: 'Foo_Bar',
        version: '1.2.3',
        licenses: ['MIT'],
        homepage: 'https://example.org',
        requiresPython: '>=3.8',
        dependsOn: ['requests', 'typing_extensions'],
      },
    });
  });

  it.each([
    ['License-Expression: Apache-2.0 OR MIT\nLicense: BSD', ['Apache-2.0 OR MIT']],
    ['License: BSD-2-Clause', ['BSD-2-Clause']],
    ['License: line one\n  line two', []],
  ])('licenses of %j', (extra, licenses) => {
    const outcome = parseCoreMetadata(`Name: x\nVersion: 1\n${extra}\n`);
    expect(outcome.kind === 'distribution' && outcome.metadata.licenses).toEqual(licenses);
  });

  it('is empty for an empty file and invalid without a Name', () => {
    expect(parseCoreMetadata('  \n')).toEqual({ kind: 'empty' });
    expect(parseCoreMetadata('Version: 1.0\n')).toMatchObject({ kind: 'invalid' });
    expect(parseCoreMetadata('\u0000\u0001 garbage')).toMatchObject({ kind: 'invalid' });
  });

  it('reads requires.txt up to the first extra section', () => {
    expect(parseRequiresTxt('urllib3<3,>=1.21\nidna\n\n[socks]\nPySocks\n')).toEqual(['urllib3', 'idna']);
  });
});

describe('names and requirements', () => {
  it.each([
    ['Foo_Bar', 'foo-bar'],
    ['zope.interface', 'zope-interface'],
    ['A-_.b', 'a-b'],
  ])('normalises %s → %s', (name, out) => expect(normalisePythonName(name)).toBe(out));

  it('builds pypi purls on the normalised name', () => {
    expect(pypiPurl('PyYAML', '6.0')).toBe('pkg:pypi/pyyaml@6.0');
  });

  it.each([
    ['celery[redis, pytest] == 4.4.7', { name: 'celery', extras: ['redis', 'pytest'], specifier: '==4.4.7' }],
    ['name @ https://x/y.whl', { name: 'name', specifier: '', url: 'https://x/y.whl' }],
    ['soupsieve (>1.2)', { name: 'soupsieve', specifier: '>1.2' }],
  ])('parses %s', (src, expected) => expect(parseRequirement(src)).toMatchObject(expected));

  it.each([
    ['==1.0', '1.0'],
    ['===1.0', '1.0'],
    ['==2.8.*', undefined],
    ['>=1,<2', undefined],
  ])('pinned %s → %s', (spec, version) => expect(pinnedVersion(spec)).toBe(version));
});

describe('requirements.txt', () => {
  it('keeps only pinned requirements and reports includes', () => {
    const text = [
      '# comment',
      ' flask == 4.0.0',
      'foo == 1.0.0 # trailing comment',
      'bar >= 1.0.0, <= 2.0.0, \\',
      '  != 3.0.0',
      '-r other.txt',
      '--requirement=more.txt',
      '-e git+https://example.org/x.git',
      "SomeProject ==5.4 ; python_version < '3.8'",
      'argh==0.26.2 \\',
      '  --hash=sha256:aaa \\',
      '  --hash=sha256:bbb',
      '==2.3.4',
      'requests[security] == 2.8.* ; python_version < "2.7"',
    ].join('\n');
    const outcome = parseRequirementsTxt(text);
    expect(outcome.kind).toBe('packages');
    if (outcome.kind !== 'packages') return;
    expect(outcome.entries.map((e) => `${e.name}@${e.version}`)).toEqual([
      'flask@4.0.0',
      'foo@1.0.0',
      'SomeProject@5.4',
      'argh@0.26.2',
    ]);
    expect(outcome.includes).toEqual(['other.txt', 'more.txt']);
    expect(outcome.entries[3]?.details).toEqual({ hashes: ['sha256:aaa', 'sha256:bbb'] });
  });

  it('decodes UTF-16 files by their byte-order mark', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('six==1.16.0\n', 'utf16le')]);
    expect(decodePythonText(utf16)).toBe('six==1.16.0\n');
  });
});

describe('lock files', () => {
  it('reads poetry.lock packages, dev category and dependencies', () => {
    const outcome = parsePoetryLock(
      [
        '[[package]]',
        'name = "requests"',
        'version = "2.31.0"',
        'category = "main"',
        '[package.dependencies]',
        'idna = ">=2.5"',
        '[[package]]',
        'name = "pytest"',
        'version = "7.0.0"',
        'category = "dev"',
      ].join('\n'),
    );
    expect(outcome).toMatchObject({
      kind: 'packages',
      entries: [
        { name: 'requests', version: '2.31.0', dependsOn: ['idna'] },
        { name: 'pytest', version: '7.0.0', dev: true },
      ],
    });
  });

  it('reads uv.lock dependencies and turns bad TOML into invalid', () => {
    const outcome = parseUvLock(
      '[[package]]\nname = "a"\nversion = "1.0"\ndependencies = [{ name = "b" }]\n[[package]]\nname = "b"\nversion = "2.0"\n',
    );
    expect(outcome).toMatchObject({
      kind: 'packages',
      entries: [{ name: 'a', dependsOn: ['b'] }, { name: 'b' }],
    });
    expect(parseUvLock('[[package]\nname=')).toMatchObject({ kind: 'invalid' });
  });

  it('reads Pipfile.lock default and develop, skipping unpinned entries', () => {
    const outcome = parsePipfileLock(
      JSON.stringify({
        default: { six: { version: '==1.16.0' }, local: { path: '.' } },
        develop: { pytest: { version: '==7.1.0' } },
      }),
    );
    expect(outcome).toMatchObject({
      kind: 'packages',
      entries: [
        { name: 'six', version: '1.16.0' },
        { name: 'pytest', version: '7.1.0', dev: true },
      ],
    });
    expect(parsePipfileLock('{')).toMatchObject({ kind: 'invalid' });
  });

  it('resolves RECORD paths against site-packages, with quoted fields and digests', () => {
    const files = parseRecordFile(
      'yaml/__init__.py,sha256=abc,123\n"odd,name.py",,\n../../../bin/tool,sha256=x,9\n',
      '/usr/lib/python3/dist-packages',
    );
    expect(files).toEqual([
      {
        path: '/usr/lib/python3/dist-packages/yaml/__init__.py',
        digest: { algorithm: 'sha256', value: 'abc' },
        size: 123,
      },
      { path: '/usr/lib/python3/dist-packages/odd,name.py' },
      { path: '/usr/bin/tool', digest: { algorithm: 'sha256', value: 'x' }, size: 9 },
    ]);
  });
});
