import type { Command } from 'commander';
import { FileLayerCache, type LayerCache } from '../layer-cache/index.js';
import { parsePlatform } from '../source/platform.js';
import type { SourceOptions } from '../source/types.js';

/** How to reach registries: the options of every command that talks to one. */
export function addRegistryOptions(command: Command): Command {
  return command
    .option(
      '--insecure-registry <host[:port]>',
      'allow plain HTTP and unverified TLS for this registry (repeatable)',
      (value: string, previous: string[]) => [...previous, value],
      [] as string[],
    )
    .option(
      '--docker-config <file>',
      'docker config.json with registry credentials (default ~/.docker/config.json)',
    );
}

/** Which image to read, and from where: the platform and the registry options. */
export function addImageSourceOptions(command: Command): Command {
  return addRegistryOptions(
    command.option(
      '--platform <os/arch[/variant]>',
      'platform to pick from a multi-arch image (default linux/amd64); a single-arch image of another platform is refused',
    ),
  );
}

/** The options every command that reads images through the layer cache accepts. */
export function addImageOptions(command: Command): Command {
  return addImageSourceOptions(command).option(
    '--no-cache',
    'read every layer, neither using nor filling the layer cache ($CUSTOMS_CACHE_DIR, default ~/.cache/customs/layers)',
  );
}

export interface ImageOptionValues {
  platform?: string;
  insecureRegistry: string[];
  dockerConfig?: string;
  /** False with --no-cache. */
  cache: boolean;
}

export function sourceOptions(values: Omit<ImageOptionValues, 'cache'>): SourceOptions {
  const options: SourceOptions = { insecureRegistries: values.insecureRegistry };
  if (values.platform !== undefined) options.platform = parsePlatform(values.platform);
  if (values.dockerConfig) options.dockerConfigPath = values.dockerConfig;
  return options;
}

/** The source options and the layer cache (the user's, unless --no-cache). */
export function imageReadOptions(values: ImageOptionValues): SourceOptions & { layerCache?: LayerCache } {
  const options: SourceOptions & { layerCache?: LayerCache } = sourceOptions(values);
  if (values.cache !== false) options.layerCache = new FileLayerCache();
  return options;
}
