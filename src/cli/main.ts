import { Command, CommanderError } from 'commander';
import { CancelledError, isCustomsError } from '../errors/index.js';
import { customsVersion } from '../sbom/version.js';
import { cacheCommand } from './commands/cache-command.js';
import { checkCommand } from './commands/check-command.js';
import { dbCommand } from './commands/db-command.js';
import { policyCommand } from './commands/policy-command.js';
import { sbomCommand } from './commands/sbom-command.js';
import { scanCommand } from './commands/scan-command.js';
import { versionCommand } from './commands/version-command.js';

/** Exit codes: 0 success, 1 error (bad input, bad usage, unreachable registry, ...). */
export const EXIT_ERROR = 1;
/** Stopped by Ctrl-C or SIGTERM: the shell's 128 + SIGINT. */
export const EXIT_INTERRUPTED = 130;

export function buildProgram(): Command {
  const program = new Command('customs')
    .description('Customs: certify container images on your own terms')
    .version(customsVersion(), '-V, --version')
    .showHelpAfterError(false);
  program.addCommand(sbomCommand());
  program.addCommand(dbCommand());
  program.addCommand(scanCommand());
  program.addCommand(versionCommand());
  program.addCommand(policyCommand());
  program.addCommand(checkCommand());
  program.addCommand(cacheCommand());
  for (const command of [program, ...program.commands]) {
    command.exitOverride().configureOutput({
      outputError: (text, write) => write(text.startsWith('error:') ? `customs: ${text}` : text),
    });
  }
  return program;
}

export async function main(argv: string[]): Promise<void> {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
  });
  try {
    await buildProgram().parseAsync(argv);
  } catch (err) {
    process.exitCode = exitCodeFor(err);
  }
}

function exitCodeFor(err: unknown): number {
  if (err instanceof CommanderError) {
    // commander printed its own message already; help and version exit 0.
    return err.exitCode === 0 ? 0 : EXIT_ERROR;
  }
  if (err instanceof CancelledError) {
    process.stderr.write(`customs: interrupted: ${err.message}\n`);
    return EXIT_INTERRUPTED;
  }
  if (isCustomsError(err)) {
    process.stderr.write(`customs: ${err.message}\n`);
    return EXIT_ERROR;
  }
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`customs: unexpected error: ${message.split('\n')[0]}\n`);
  if (process.env.CUSTOMS_DEBUG && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
  else process.stderr.write('customs: set CUSTOMS_DEBUG=1 for details, and please report this\n');
  return EXIT_ERROR;
}
