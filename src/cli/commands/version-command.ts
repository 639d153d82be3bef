import { Command } from 'commander';
import { InvalidVersionError, UsageError } from '../../errors/index.js';
import { VERSION_SCHEMES, versionScheme } from '../../versioning/registry.js';
import type { VersionScheme } from '../../versioning/types.js';

interface CompareOptionValues {
  batch?: boolean;
}

export function versionCommand(): Command {
  const command = new Command('version').description('compare versions the way each ecosystem orders them');
  // `compare` is a subcommand of a subcommand: give it the error handling main set on this one.
  command.hook('preSubcommand', (parent, sub) => {
    sub.copyInheritedSettings(parent);
  });
  command
    .command('compare')
    .description('print -1, 0 or 1 as A sorts before, the same as, or after B')
    .argument('<scheme>', `version scheme: ${VERSION_SCHEMES.map((s) => s.name).join(', ')}`)
    .argument('[a]', 'first version')
    .argument('[b]', 'second version')
    .option('--batch', 'read A<TAB>B lines on stdin and print one result per line')
    .action(
      async (
        schemeName: string,
        a: string | undefined,
        b: string | undefined,
        values: CompareOptionValues,
      ) => {
        const scheme = versionScheme(schemeName);
        if (values.batch) {
          if (a !== undefined)
            throw new UsageError('version compare --batch reads its versions from stdin, not arguments');
          const { text, invalid } = compareLines(scheme, await readStdin());
          process.stdout.write(text);
          if (invalid.length) {
            const where = invalid.slice(0, 5).join(', ') + (invalid.length > 5 ? ', …' : '');
            throw new InvalidVersionError(
              `${invalid.length} stdin ${invalid.length === 1 ? 'line has' : 'lines have'} a version the ${scheme.name} scheme cannot read (line ${where}): printed "invalid" for them`,
            );
          }
          return;
        }
        if (a === undefined || b === undefined)
          throw new UsageError('version compare needs a scheme and two versions');
        process.stdout.write(`${scheme.compare(a, b)}\n`);
      },
    );
  return command;
}

/**
 * One result line per `A<TAB>B` input line; a version the scheme cannot read gives `invalid`
 * for its line and the batch goes on (a line that is not A<TAB>B is a usage error). Returns
 * the output and how many lines were invalid.
 */
function compareLines(scheme: VersionScheme, input: string): { text: string; invalid: number[] } {
  const lines = input.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const invalid: number[] = [];
  const text = lines
    .map((raw, index) => {
      const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      const fields = line.split('\t');
      if (fields.length !== 2)
        throw new UsageError(`stdin line ${index + 1}: expected A<TAB>B, got ${JSON.stringify(line)}`);
      try {
        return `${scheme.compare(fields[0] as string, fields[1] as string)}\n`;
      } catch (err) {
        if (!(err instanceof InvalidVersionError)) throw err;
        invalid.push(index + 1);
        return 'invalid\n';
      }
    })
    .join('');
  return { text, invalid };
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
