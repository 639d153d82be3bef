import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalisePythonName, pythonCataloger } from '../../src/cataloger/python/index.js';
import { rubyCataloger } from '../../src/cataloger/ruby/index.js';
import { generateSbom } from '../../src/sbom/generate-sbom.js';
import {
  DIST_PACKAGES,
  gemDirs,
  gemListLocal,
  importlibDependencyEdges,
  importlibDistributions,
  pythonRootToolsAvailable,
  pythonRubyRoot,
  rubyAvailable,
  rubygemsSpecs,
} from '../helpers/python-ruby-root.js';

describe.skipIf(!pythonRootToolsAvailable())('python cataloger against importlib.metadata', () => {
  it('finds exactly the distributions Python itself finds in dist-packages', async () => {
    const root = pythonRubyRoot();
    const expected = importlibDistributions(path.join(root, DIST_PACKAGES));
    expect(expected.length).toBeGreaterThanOrEqual(10);

    const sbom = await generateSbom(`dir:${root}`, { catalogers: [pythonCataloger] });
    expect(sbom.unknowns).toEqual([]);
    const installed = sbom.packages.filter((p) => p.type === 'python');
    expect(installed.map((p) => `${p.name}\t${p.version}`).sort()).toEqual(expected);
    for (const pkg of installed) {
      expect(pkg.purl).toBe(`pkg:pypi/${normalisePythonName(pkg.name)}@${pkg.version}`);
      expect(pkg.locations[0]?.path).toMatch(new RegExp(`^/${DIST_PACKAGES}/`));
    }

    // PyYAML ships a dist-info with RECORD: its owned files are absolute image paths.
    const yaml = installed.find((p) => p.name === 'PyYAML');
    const files = (yaml?.metadata as { files?: { path: string }[] }).files?.map((f) => f.path) ?? [];
    expect(files).toContain(`/${DIST_PACKAGES}/yaml/__init__.py`);
    // depends-on edges: exactly the unconditional requirements between installed distributions.
    const expectedEdges = importlibDependencyEdges(path.join(root, DIST_PACKAGES));
    expect(expectedEdges).toContain('jsonschema\tattrs');
    const nameOf = new Map(installed.map((p) => [p.id, normalisePythonName(p.name)]));
    const edges = sbom.relationships
      .filter((r) => r.type === 'depends-on' && nameOf.has(r.from))
      .map((r) => `${nameOf.get(r.from)}\t${nameOf.get(r.to)}`)
      .sort();
    expect(edges).toEqual(expectedEdges);
  });
});

describe.skipIf(!pythonRootToolsAvailable() || !rubyAvailable())('ruby cataloger against rubygems', () => {
  it('finds exactly the gems rubygems loads from the root gem dirs', async () => {
    const root = pythonRubyRoot();
    const dirs = gemDirs(root);
    expect(dirs.length).toBeGreaterThanOrEqual(2);
    const expected = rubygemsSpecs(dirs);
    expect(expected.length).toBeGreaterThanOrEqual(5);

    const sbom = await generateSbom(`dir:${root}`, { catalogers: [rubyCataloger] });
    expect(sbom.unknowns).toEqual([]);
    const gems = sbom.packages.filter((p) => p.type === 'gem');
    const actual = gems
      .map((p) => `${p.name}\t${p.version}\t${(p.metadata as { platform?: string }).platform ?? 'ruby'}`)
      .sort();
    expect(actual).toEqual(expected);
    for (const gem of gems) expect(gem.purl).toMatch(new RegExp(`^pkg:gem/${gem.name}@${gem.version}`));
  });

  it('agrees with `gem list --local` once the host default gems are taken out', async () => {
    const root = pythonRubyRoot();
    const home = mkdtempSync(path.join(os.tmpdir(), 'customs-gem-home-'));
    try {
      const hostOnly = new Set(gemListLocal([home], home));
      const listed = gemListLocal([...gemDirs(root), home], home).filter((line) => !hostOnly.has(line));
      const sbom = await generateSbom(`dir:${root}`, { catalogers: [rubyCataloger] });
      const names = new Set(sbom.packages.map((p) => p.name));
      expect(listed.length).toBeGreaterThanOrEqual(4);
      for (const line of listed) {
        const match = /^(\S+) \((.*)\)$/.exec(line);
        expect(match, line).not.toBeNull();
        const [, name = '', versions = ''] = match ?? [];
        expect(names.has(name), name).toBe(true);
        const ours = sbom.packages.filter((p) => p.name === name).map((p) => p.version);
        // A default gem of the host may also exist in the root: its version is listed there too.
        for (const version of ours) expect(versions).toContain(version);
      }
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});
