import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test/helpers/temp-dir.js';
import { unitFolders } from '../../test/helpers/unit-folders.js';
import { UsageError } from '../errors/index.js';
import { SOURCE_OPENERS, parseSource, sbomSourcePath } from './open-source.js';

describe('source registry', () => {
  it('has an opener for every source kind folder', () => {
    const kinds = unitFolders('source').filter(
      (f) => !['oci-layout', 'tar-archive', 'reference', 'sbom'].includes(f),
    );
    expect(Object.keys(SOURCE_OPENERS).sort()).toEqual(kinds);
  });

  it.each([
    ['registry:debian:12', 'registry', 'debian:12'],
    ['debian:12', 'registry', 'debian:12'],
    ['ghcr.io/o/app@sha256:' + 'a'.repeat(64), 'registry', 'ghcr.io/o/app@sha256:' + 'a'.repeat(64)],
    ['oci-dir:/x:tag', 'oci-dir', '/x:tag'],
    ['oci:/x', 'oci-dir', '/x'],
    ['oci-archive:/x.tar', 'oci-archive', '/x.tar'],
    ['docker-archive:/x.tar:app:1', 'docker-archive', '/x.tar:app:1'],
    ['dir:/', 'dir', '/'],
  ])('%s → %s %s', async (input, type, spec) => {
    expect(await parseSource(input)).toEqual({ type, spec });
  });

  it('recognises existing paths by their contents', async () => {
    const root = tempDir();
    mkdirSync(join(root, 'layout'));
    writeFileSync(join(root, 'layout', 'oci-layout'), '{}');
    mkdirSync(join(root, 'rootfs'));
    expect(await parseSource(join(root, 'layout'))).toEqual({ type: 'oci-dir', spec: join(root, 'layout') });
    expect(await parseSource(join(root, 'rootfs'))).toEqual({ type: 'dir', spec: join(root, 'rootfs') });
  });

  it('refuses empty input, and sbom: documents as images', async () => {
    await expect(parseSource('')).rejects.toThrow(UsageError);
    await expect(parseSource('sbom:x.json')).rejects.toThrow(/not an image/);
  });

  it('names the file of an sbom: source', () => {
    expect(sbomSourcePath('sbom:/tmp/x.cdx.json')).toBe('/tmp/x.cdx.json');
    expect(sbomSourcePath('oci-dir:/x')).toBeUndefined();
  });
});
