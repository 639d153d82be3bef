import { describe, expect, it } from 'vitest';
import { memoryImage } from '../../../test/helpers/memory-file-view.js';
import type { Distro } from '../../model/distro.js';
import type { FileRecord, FileView } from '../../resolver/file-view.js';
import { SkippedInspection } from '../../resolver/inspection.js';
import { isRpmDbPath } from './paths.js';
import type { RpmDbResult } from './read-rpm-db.js';
import { rpmCataloger } from './rpm-cataloger.js';
import type { RpmEntry } from './rpm-entry.js';

const RHEL: Distro = { id: 'rhel', versionId: '9.3' };

function entry(name: string, extra: Partial<RpmEntry> = {}): RpmEntry {
  return {
    name,
    version: '1.0',
    release: '1.el9',
    arch: 'x86_64',
    requires: [],
    provides: [],
    files: [],
    ...extra,
  };
}

async function run(view: FileView, inspect: (record: FileRecord) => unknown, distro: Distro | null = RHEL) {
  const inspections = new Map<FileRecord, unknown>();
  for (const record of view.find(isRpmDbPath)) inspections.set(record, inspect(record));
  return rpmCataloger.catalog({ files: view, squashed: view, distro, inspections, packagesSoFar: [] });
}

describe('isRpmDbPath / wantsInspect', () => {
  it.each([
    ['/var/lib/rpm/Packages', true],
    ['/var/lib/rpm/Packages.db', true],
    ['/var/lib/rpm/rpmdb.sqlite', true],
    ['/usr/lib/sysimage/rpm/rpmdb.sqlite', true],
    ['/usr/share/rpm/Packages', true],
    ['/var/lib/rpm/Name', false],
    ['/var/lib/rpm/rpmdb.sqlite-wal', false],
    ['/opt/var/lib/rpm/Packages', false],
    ['/var/lib/dpkg/status', false],
  ])('%s → %s', (path, expected) => {
    expect(rpmCataloger.wantsInspect?.({ path, size: 1, mode: 0o644 })).toBe(expected);
    expect(rpmCataloger.wants(path)).toBe(false);
  });
});

describe('rpmCataloger.catalog', () => {
  it('one package per name+version+arch across layers, with each layer as a location', async () => {
    const image = memoryImage([
      { path: '/var/lib/rpm/rpmdb.sqlite', content: 'x', layerIndex: 0 },
      { path: '/var/lib/rpm/rpmdb.sqlite', content: 'y', layerIndex: 1 },
    ]);
    const result = await run(image.allLayers, (r) =>
      r.layerIndex === 0
        ? ({ format: 'sqlite', entries: [entry('bash')], problems: [] } satisfies RpmDbResult)
        : ({
            format: 'sqlite',
            entries: [entry('bash'), entry('curl', { epoch: 0 })],
            problems: [],
          } satisfies RpmDbResult),
    );
    expect(result.unknowns).toEqual([]);
    expect(result.packages.map((p) => [p.name, p.version, p.locations.map((l) => l.layerIndex)])).toEqual([
      ['bash', '1.0-1.el9', [0, 1]],
      ['curl', '0:1.0-1.el9', [1]],
    ]);
    expect(result.packages[1]?.purl).toBe('pkg:rpm/rhel/curl@1.0-1.el9?arch=x86_64&distro=rhel-9.3&epoch=0');
  });

  it('purl carries the source rpm as upstream; license lands in licenses', async () => {
    const image = memoryImage([{ path: '/var/lib/rpm/Packages', content: 'x' }]);
    const result = await run(image.squashed, () => ({
      format: 'bdb',
      entries: [entry('gamma-libs', { sourceRpm: 'gamma-1.0-1.el9.src.rpm', license: 'MIT', epoch: 3 })],
      problems: [],
    }));
    const pkg = result.packages[0];
    expect(pkg?.version).toBe('3:1.0-1.el9');
    expect(pkg?.licenses).toEqual(['MIT']);
    expect(pkg?.purl).toContain('upstream=gamma-1.0-1.el9.src.rpm');
    expect(pkg?.purl).toContain('epoch=3');
  });

  it('problems and skipped inspections become located unknowns', async () => {
    const image = memoryImage([
      { path: '/var/lib/rpm/Packages', content: 'x', layerDigest: 'sha256:aaa' },
      { path: '/usr/lib/sysimage/rpm/Packages.db', content: 'x', layerDigest: 'sha256:aaa' },
    ]);
    const result = await run(image.squashed, (r) =>
      r.path.endsWith('Packages')
        ? new SkippedInspection('larger than the limit')
        : { format: 'ndb', entries: [entry('a')], problems: ['package 2: bad blob head'] },
    );
    expect(result.packages.map((p) => p.name)).toEqual(['a']);
    expect(result.unknowns).toHaveLength(2);
    expect(result.unknowns).toEqual(
      expect.arrayContaining([
        {
          path: '/var/lib/rpm/Packages',
          layer: 'sha256:aaa',
          cataloger: 'rpm',
          message: expect.stringContaining('larger'),
        },
        {
          path: '/usr/lib/sysimage/rpm/Packages.db',
          layer: 'sha256:aaa',
          cataloger: 'rpm',
          message: 'package 2: bad blob head',
        },
      ]),
    );
  });

  it('depends-on through names, provides and owned files; rpmlib ignored', async () => {
    const image = memoryImage([{ path: '/var/lib/rpm/rpmdb.sqlite', content: 'x' }]);
    const result = await run(image.squashed, () => ({
      format: 'sqlite',
      entries: [
        entry('app', { requires: ['libfoo.so.1()(64bit)', '/bin/sh', 'rpmlib(PayloadIsZstd)', 'missing'] }),
        entry('foo', { provides: ['libfoo.so.1()(64bit)'] }),
        entry('bash', { files: [{ path: '/bin/sh' }], requires: ['bash'] }),
      ],
      problems: [],
    }));
    const id = (name: string) => result.packages.find((p) => p.name === name)?.id;
    expect(result.relationships).toEqual(
      expect.arrayContaining([
        { from: id('app'), to: id('foo'), type: 'depends-on' },
        { from: id('app'), to: id('bash'), type: 'depends-on' },
      ]),
    );
    expect(result.relationships).toHaveLength(2);
  });
});
