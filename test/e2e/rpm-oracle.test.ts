import { describe, expect, it } from 'vitest';
import { rpmCataloger } from '../../src/cataloger/rpm/index.js';
import { generateSbom } from '../../src/sbom/generate-sbom.js';
import { rpmQueryAll, rpmRoot, rpmToolsAvailable } from '../helpers/rpm-root.js';

interface RpmMeta {
  epoch: number | null;
  version: string;
  release: string;
  arch?: string;
  sourceRpm?: string;
}

describe.skipIf(!rpmToolsAvailable())('rpm cataloger against the real rpm', () => {
  it('finds exactly what `rpm -qa` lists, with epoch, version, release, arch and source rpm', async () => {
    const root = rpmRoot();
    const expected = rpmQueryAll(root);
    expect(expected.length).toBeGreaterThanOrEqual(4);

    const sbom = await generateSbom(`dir:${root}`, { catalogers: [rpmCataloger] });
    expect(sbom.unknowns).toEqual([]);
    const actual = sbom.packages
      .filter((p) => p.type === 'rpm')
      .map((p) => {
        const m = p.metadata as unknown as RpmMeta;
        return [p.name, m.epoch ?? 0, m.version, m.release, m.arch ?? '', m.sourceRpm ?? '(none)'].join('\t');
      })
      .sort();
    expect(actual).toEqual(expected);

    const alpha = sbom.packages.find((p) => p.name === 'alpha');
    expect(alpha?.version).toBe('2:1.0~rc1-3');
    expect(alpha?.purl).toContain('epoch=2');
    const libs = sbom.packages.find((p) => p.name === 'gamma-libs');
    expect(libs?.purl).toContain('upstream=gamma-1.2-7.src.rpm');
    expect((libs?.metadata as { files?: Array<{ path: string }> }).files?.map((f) => f.path)).toContain(
      '/usr/share/gamma-libs/README',
    );
    const beta = sbom.packages.find((p) => p.name === 'beta');
    expect(sbom.relationships).toContainEqual({ from: beta?.id, to: alpha?.id, type: 'depends-on' });
  });
});
