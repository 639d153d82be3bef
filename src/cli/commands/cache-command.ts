import { Command } from 'commander';
import { FileLayerCache } from '../../layer-cache/index.js';

const MB = 1024 * 1024;
const size = (bytes: number): string => `${(bytes / MB).toFixed(1)} MB`;
const count = (n: number, what: string): string => `${n} ${what}${n === 1 ? '' : 's'}`;
/** "3 layers" or "3 layers and 1 image": image entries are named only when there are some. */
const held = (c: { layers: number; images: number }): string =>
  c.images ? `${count(c.layers, 'layer')} and ${count(c.images, 'image')}` : count(c.layers, 'layer');

/** `customs cache status|clean`: the layer cache under $CUSTOMS_CACHE_DIR or ~/.cache/customs/layers. */
export function cacheCommand(): Command {
  const command = new Command('cache').description(
    'the layer cache: layers analysed before are not read again (--no-cache on sbom, scan, check skips it)',
  );
  command.hook('preSubcommand', (parent, sub) => {
    sub.copyInheritedSettings(parent);
  });
  command
    .command('status')
    .description('where the layer cache is, how many layers it holds and how big it is')
    .option('--json', 'print the status as JSON')
    .action(async (values: { json?: boolean }) => {
      const status = await new FileLayerCache().status();
      if (values.json) {
        process.stdout.write(`${JSON.stringify(status, null, 2)}\n`);
        return;
      }
      process.stdout.write(
        `${status.dir}: ${held(status)}, ${size(status.bytes)} of at most ${size(status.maxBytes)}\n`,
      );
    });
  command
    .command('clean')
    .description('remove every cached layer')
    .action(async () => {
      const cache = new FileLayerCache();
      const removed = await cache.clean();
      process.stdout.write(`${cache.dir}: removed ${held(removed)} (${size(removed.bytes)})\n`);
    });
  return command;
}
