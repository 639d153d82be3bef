import { describe, expect, it } from 'vitest';
import { contextOf } from '../../../test/helpers/dpkg-fixtures.js';
import { memoryFileView, type MemoryFileSpec } from '../../../test/helpers/memory-file-view.js';
import type { CatalogResult } from '../types.js';
import { parseGemfileLock, splitGemVersion } from './gemfile-lock.js';
import { parseGemspec } from './gemspec.js';
import { gemPurl } from './purl.js';
import { readRubyValue } from './ruby-literal.js';
import { rubyCataloger } from './ruby-cataloger.js';

const GEMS = '/usr/local/bundle';

async function run(
  specs: MemoryFileSpec[],
  scope: 'squashed' | 'all-layers' = 'squashed',
): Promise<CatalogResult> {
  return rubyCataloger.catalog(contextOf(memoryFileView(specs, scope), null));
}

const gemspec = (name: string, version: string, ...lines: string[]): string =>
  [
    '# -*- encoding: utf-8 -*-',
    'Gem::Specification.new do |s|',
    `  s.name = "${name}".freeze`,
    `  s.version = ${version}`,
    ...lines.map((l) => `  ${l}`),
    'end',
    '',
  ].join('\n');

describe('ruby literals', () => {
  it.each([
    ['"a\\u00E9b".freeze', 'aéb'],
    ["'it\\'s'", "it's"],
    ['%q<power_assert>.freeze', 'power_assert'],
    ['%q{a {nested} b}', 'a {nested} b'],
    ['Gem::Version.new("1.2.3")', '1.2.3'],
    ['["MIT".freeze, "Ruby".freeze]', ['MIT', 'Ruby']],
  ])('%s', (src, value) => expect(readRubyValue(src, 0)?.value).toEqual(value));

  it('reads nothing from code it does not know', () => {
    expect(readRubyValue('Foo::VERSION', 0)).toBeUndefined();
    expect(readRubyValue('"unterminated', 0)).toBeUndefined();
  });
});

describe('gemspec', () => {
  it('reads name, version, platform, licenses, authors, homepage and runtime dependencies', () => {
    const outcome = parseGemspec(
      gemspec(
        'nokogiri',
        'Gem::Version.new("1.15.0")',
        's.platform = "x86_64-linux".freeze',
        's.licenses = ["MIT".freeze]',
        's.authors = ["A".freeze, "B".freeze]',
        's.homepage = "https://nokogiri.org".freeze',
        's.add_runtime_dependency(%q<racc>.freeze, ["~> 1.4"])',
        's.add_development_dependency(%q<rake>.freeze, [">= 0"])',
        's.add_dependency "mini_portile2", "~> 2.8"',
      ),
    );
    expect(outcome).toEqual({
      kind: 'gem',
      gem: {
        name: 'nokogiri',
        version: '1.15.0',
        platform: 'x86_64-linux',
        licenses: ['MIT'],
        authors: ['A', 'B'],
        homepage: 'https://nokogiri.org',
        dependsOn: ['racc', 'mini_portile2'],
      },
    });
  });

  it.each([
    ['no block', 'puts 1'],
    ['no version', 'Gem::Specification.new do |s|\n  s.name = "x"\nend'],
    ['wrong variable', 'Gem::Specification.new do |spec|\n  s.name = "x"\n  s.version = "1"\nend'],
  ])('is invalid with %s', (_what, src) => expect(parseGemspec(src).kind).toBe('invalid'));
});

describe('Gemfile.lock', () => {
  const LOCK = [
    'GIT',
    '  remote: https://github.com/x/y.git',
    '  revision: abc',
    '  specs:',
    '    y (0.1.0)',
    '',
    'GEM',
    '  remote: https://rubygems.org/',
    '  specs:',
    '    nokogiri (1.15.0-x86_64-linux)',
    '      racc (~> 1.4)',
    '    racc (1.7.1)',
    '    rack (3.0.8)',
    '',
    'PLATFORMS',
    '  x86_64-linux',
    '',
    'DEPENDENCIES',
    '  nokogiri',
    '  y!',
    '',
    'BUNDLED WITH',
    '   2.4.10',
    '',
  ].join('\n');

  it('reads specs of every source, platforms, dependencies and the bundler version', () => {
    const outcome = parseGemfileLock(LOCK);
    expect(outcome).toMatchObject({
      kind: 'lock',
      lock: {
        gems: [
          { name: 'y', version: '0.1.0', source: 'GIT', remote: 'https://github.com/x/y.git' },
          { name: 'nokogiri', version: '1.15.0', platform: 'x86_64-linux', dependsOn: ['racc'] },
          { name: 'racc', version: '1.7.1', source: 'GEM' },
          { name: 'rack', version: '3.0.8' },
        ],
        platforms: ['x86_64-linux'],
        dependencies: ['nokogiri', 'y'],
        bundledWith: '2.4.10',
      },
    });
    expect(parseGemfileLock('malformed').kind).toBe('invalid');
  });

  it.each([
    ['1.15.0-x86_64-linux', { version: '1.15.0', platform: 'x86_64-linux' }],
    ['1.0.0.pre.1', { version: '1.0.0.pre.1' }],
    ['1.12.5-java', { version: '1.12.5', platform: 'java' }],
  ])('splits %s', (raw, expected) => expect(splitGemVersion(raw)).toEqual(expected));

  it('builds purls with the platform qualifier', () => {
    expect(gemPurl('rack', '3.0.8')).toBe('pkg:gem/rack@3.0.8');
    expect(gemPurl('nokogiri', '1.15.0', 'x86_64-linux')).toBe(
      'pkg:gem/nokogiri@1.15.0?platform=x86_64-linux',
    );
  });
});

describe('rubyCataloger', () => {
  it.each([
    [`${GEMS}/specifications/rack-3.0.8.gemspec`, true],
    ['/usr/share/rubygems-integration/all/specifications/pkg/x.gemspec', true],
    ['/app/rack.gemspec', false],
    ['/app/Gemfile.lock', true],
    ['/app/Gemfile.next.lock', true],
    ['/app/Gemfile', false],
  ])('wants %s → %s', (path, expected) => expect(rubyCataloger.wants(path)).toBe(expected));

  it('catalogs installed gems with owned files and dependency edges, and lock files apart', async () => {
    const result = await run([
      {
        path: `${GEMS}/specifications/sinatra-3.0.0.gemspec`,
        content: gemspec(
          'sinatra',
          '"3.0.0"',
          's.files = ["lib/sinatra.rb".freeze]',
          's.add_runtime_dependency(%q<rack>.freeze, ["~> 2"])',
        ),
      },
      { path: `${GEMS}/specifications/rack-2.2.8.gemspec`, content: gemspec('rack', '"2.2.8"') },
      { path: '/app/Gemfile.lock', content: 'GEM\n  specs:\n    rack (2.2.8)\n' },
    ]);
    expect(result.unknowns).toEqual([]);
    expect(result.packages.map((p) => `${p.purl} ${p.locations[0]?.path}`)).toEqual(
      [
        `pkg:gem/rack@2.2.8 ${GEMS}/specifications/rack-2.2.8.gemspec`,
        'pkg:gem/rack@2.2.8 /app/Gemfile.lock',
        `pkg:gem/sinatra@3.0.0 ${GEMS}/specifications/sinatra-3.0.0.gemspec`,
      ].sort(),
    );
    const sinatra = result.packages.find((p) => p.name === 'sinatra');
    const rack = result.packages.find((p) => p.name === 'rack' && p.locations[0]?.path.endsWith('.gemspec'));
    expect(sinatra?.metadata).toMatchObject({
      files: [{ path: `${GEMS}/gems/sinatra-3.0.0/lib/sinatra.rb` }],
    });
    expect(result.relationships).toEqual([{ from: sinatra?.id, to: rack?.id, type: 'depends-on' }]);
  });

  it('merges layers and turns broken files into located unknowns', async () => {
    const path = `${GEMS}/specifications/rack-2.2.8.gemspec`;
    const result = await run(
      [
        { path, content: gemspec('rack', '"2.2.8"'), layerIndex: 0 },
        { path, content: gemspec('rack', '"2.2.8"'), layerIndex: 1 },
        { path: `${GEMS}/specifications/bad.gemspec`, content: 'garbage', layerDigest: 'sha256:b' },
        { path: '/app/Gemfile.lock', content: 'not a lock' },
      ],
      'all-layers',
    );
    expect(result.packages).toHaveLength(1);
    expect(result.packages[0]?.locations.map((l) => l.layerIndex)).toEqual([0, 1]);
    expect(result.unknowns.map((u) => [u.path, u.layer, u.cataloger])).toEqual([
      ['/app/Gemfile.lock', 'sha256:layer0', 'ruby'],
      [`${GEMS}/specifications/bad.gemspec`, 'sha256:b', 'ruby'],
    ]);
  });
});
