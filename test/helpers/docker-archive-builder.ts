import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildTar, type TarFileSpec } from './tar-builder.js';

const hex = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex');

/** Writes a classic `docker save` archive (`<id>/layer.tar`, `<config hex>.json`) to `file`. */
export async function writeClassicDockerArchive(
  file: string,
  work: string,
  layers: TarFileSpec[][],
  repoTag = 'test/app:latest',
): Promise<void> {
  mkdirSync(work, { recursive: true });
  const diffIds: string[] = [];
  const layerPaths: string[] = [];
  for (const [i, entries] of layers.entries()) {
    const tar = await buildTar(entries);
    const id = hex(`layer${i}${hex(tar)}`);
    mkdirSync(join(work, id), { recursive: true });
    writeFileSync(join(work, id, 'layer.tar'), tar);
    writeFileSync(join(work, id, 'VERSION'), '1.0');
    diffIds.push('sha256:' + hex(tar));
    layerPaths.push(`${id}/layer.tar`);
  }
  const config = JSON.stringify({
    architecture: 'amd64',
    os: 'linux',
    config: { User: 'nobody' },
    rootfs: { type: 'layers', diff_ids: diffIds },
    history: [],
  });
  const configName = `${hex(config)}.json`;
  writeFileSync(join(work, configName), config);
  writeFileSync(
    join(work, 'manifest.json'),
    JSON.stringify([{ Config: configName, RepoTags: [repoTag], Layers: layerPaths }]),
  );
  execFileSync('tar', ['-cf', file, '-C', work, '.']);
}
