import { writeFile } from 'node:fs/promises';
import { UsageError } from '../errors/index.js';
import type { OutputTarget } from './output-targets.js';

/** Writes each target's text: to its file, or to standard output. */
export async function writeOutputs<T extends OutputTarget>(
  targets: readonly T[],
  encode: (target: T) => string,
): Promise<void> {
  for (const target of targets) {
    const text = encode(target);
    if (!target.file) {
      process.stdout.write(text);
      continue;
    }
    await writeFile(target.file, text).catch((err: NodeJS.ErrnoException) => {
      throw new UsageError(`cannot write ${target.file}: ${err.code ?? err.message}`);
    });
  }
}

/** `customs: warning: …` on stderr, one line each. */
export function printWarnings(warnings: readonly string[]): void {
  for (const warning of warnings) process.stderr.write(`customs: warning: ${warning}\n`);
}
