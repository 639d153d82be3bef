import type { Command } from 'commander';
import { parsePlatform } from '../source/platform.js';
import type { SourceOptions } from '../source/types.js';

/** The options every command that reads images accepts. */
export function addImageOptions(command: Command): Command {
  return command
    .option(
      '--platform <os/arch[/variant]>',
      'platform to pick from a multi-arch image (default linux/amd64); a single-arch image of another platform is refused',
    )
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

export interface ImageOptionValues {
  platform?: string;
  insecureRegistry: string[];
  dockerConfig?: string;
}

export function sourceOptions(values: ImageOptionValues): SourceOptions {
  const options: SourceOptions = { insecureRegistries: values.insecureRegistry };
  if (values.platform !== undefined) options.platform = parsePlatform(values.platform);
  if (values.dockerConfig) options.dockerConfigPath = values.dockerConfig;
  return options;
}
