import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { npmCataloger } from '../../src/cataloger/npm/index.js';
import type { Sbom } from '../../src/model/sbom.js';
import { generateSbom } from '../../src/sbom/generate-sbom.js';
import {
  NPM_APP_DEPENDENCIES,
  npmApp,
  npmAvailable,
  npmLsPackages,
  type NpmApp,
} from '../helpers/npm-app.js';
import { writeOciLayout } from '../helpers/oci-builder.js';
import type { TarFileSpec } from '../helpers/tar-builder.js';
import { tempDir } from '../helpers/temp-dir.js';

/** Every file of the app directory as tar entries under `app/`. */
function appEntries(dir: string, root = dir): TarFileSpec[] {
  return readdirSync(dir).flatMap((name): TarFileSpec[] => {
    const path = join(dir, name);
    const stat = statSync(path);
    const entryName = `app/${relative(root, path)}`;
    if (stat.isDirectory()) return [{ name: entryName, type: 'directory' }, ...appEntries(path, root)];
    return [{ name: entryName, content: readFileSync(path) }];
  });
}

const nameVersion = (p: { name: string; version: string }): string => `${p.name}@${p.version}`;

describe.skipIf(!npmAvailable())('npm cataloger against `npm ls --all`', () => {
  let app: NpmApp;
  let sbom: Sbom;

  beforeAll(async () => {
    app = npmApp();
    const oci = tempDir('customs-npm-oci-');
    await writeOciLayout(oci, { layers: [{ entries: appEntries(app.dir) }], tag: 'npm-app' });
    sbom = await generateSbom(`oci-dir:${oci}:npm-app`, { catalogers: [npmCataloger] });
  });

  it('reports exactly the installed name@version set npm itself lists', () => {
    const expected = npmLsPackages(app);
    const installed = sbom.packages.filter((p) => p.locations[0]?.path.endsWith('/package.json'));
    expect(new Set(installed.map(nameVersion))).toEqual(expected);
    expect(expected.size).toBeGreaterThan(Object.keys(NPM_APP_DEPENDENCIES).length);
    for (const [name, version] of Object.entries(NPM_APP_DEPENDENCIES))
      expect(expected).toContain(`${name}@${version}`);
  });

  it('merges lock entries into the installed packages and skips the app itself', () => {
    expect(sbom.unknowns).toEqual([]);
    expect(sbom.packages.map((p) => p.name)).not.toContain('customs-npm-app');
    for (const pkg of sbom.packages) {
      expect(pkg.locations.map((l) => l.path)).toEqual([
        `/app/${pkg.locations[0]?.path.slice('/app/'.length)}`,
        '/app/package-lock.json',
      ]);
    }
  });

  it('gives scoped purls and dependency edges', () => {
    const is = sbom.packages.find((p) => p.name === '@sindresorhus/is');
    expect(is?.purl).toBe('pkg:npm/%40sindresorhus/is@0.7.0');
    const express = sbom.packages.find((p) => nameVersion(p) === 'express@4.17.1');
    const bodyParser = sbom.packages.find((p) => p.name === 'body-parser');
    expect(express && bodyParser).toBeTruthy();
    expect(sbom.relationships).toContainEqual({ from: express?.id, to: bodyParser?.id, type: 'depends-on' });
    expect(express?.licenses).toEqual(['MIT']);
  });
});
