import { Command, CommanderError } from 'commander';
import { CancelledError, isCustomsError } from '../errors/index.js';
import { customsVersion } from '../sbom/version.js';

/** Exit codes: 0 success, 1 error (bad input, bad usage, unreachable registry, ...). */
export const EXIT_ERROR = 1;
/** Stopped by Ctrl-C or SIGTERM: the shell's 128 + SIGINT. */
export const EXIT_INTERRUPTED = 130;

/**
 * The commands, in the order help lists them. Each is loaded only when it is the one being run
 * (or when help lists them all), so `customs --version` or a scan does not load the code of
 * every other command.
 */
const COMMANDS: ReadonlyArray<readonly [string, () => Promise<Command>]> = [
  ['sbom', async () => (await import('./commands/sbom-command.js')).sbomCommand()],
  ['db', async () => (await import('./commands/db-command.js')).dbCommand()],
  ['scan', async () => (await import('./commands/scan-command.js')).scanCommand()],
  ['version', async () => (await import('./commands/version-command.js')).versionCommand()],
  ['policy', async () => (await import('./commands/policy-command.js')).policyCommand()],
  ['check', async () => (await import('./commands/check-command.js')).checkCommand()],
  ['diff', async () => (await import('./commands/diff-command.js')).diffCommand()],
  ['verify', async () => (await import('./commands/verify-command.js')).verifyCommand()],
  ['scap', async () => (await import('./commands/scap-command.js')).scapCommand()],
  ['cache', async () => (await import('./commands/cache-command.js')).cacheCommand()],
  ['serve', async () => (await import('./commands/serve-command.js')).serveCommand()],
  ['worker', async () => (await import('./commands/worker-command.js')).workerCommand()],
  ['image', async () => (await import('./commands/image-command.js')).imageCommand()],
  ['feeds', async () => (await import('./commands/feeds-command.js')).feedsCommand()],
];

/**
 * Which commands `argv` needs: none for a leading --version, the one it names (directly or as
 * `help NAME`), else all of them (top-level help, an unknown command and its suggestions).
 * Help asked for before the command name is the top-level help, which lists them all.
 */
export function commandsFor(argv: readonly string[]): string[] {
  const args = argv.slice(2);
  const all = COMMANDS.map(([name]) => name);
  if (args[0] === '-V' || args[0] === '--version') return [];
  const first = args.findIndex((a) => !a.startsWith('-'));
  if (first === -1 || args.slice(0, first).some((a) => a === '-h' || a === '--help')) return all;
  const named = args[first] === 'help' ? args[first + 1] : args[first];
  return named !== undefined && all.includes(named) ? [named] : all;
}

export async function buildProgram(argv: readonly string[] = process.argv): Promise<Command> {
  const program = new Command('customs')
    .description('Customs: certify container images on your own terms')
    .version(customsVersion(), '-V, --version')
    .showHelpAfterError(false);
  const wanted = new Set(commandsFor(argv));
  for (const [name, load] of COMMANDS) if (wanted.has(name)) program.addCommand(await load());
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
    await (await buildProgram(argv)).parseAsync(argv);
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
