import type { ProgressListener } from '../resolver/progress.js';
import { terminalProgress } from './progress/terminal-progress.js';

const INTERRUPTS = ['SIGINT', 'SIGTERM'] as const;

/**
 * Runs `work` with the progress line drawn on a terminal stderr (none when `quiet` or piped) and
 * an AbortSignal that the first Ctrl-C (SIGINT) or SIGTERM fires, so the work stops where it is
 * and cleans up (a plugin's process group, a layer stream); a second one exits at once.
 */
export async function withProgress<T>(
  quiet: boolean | undefined,
  work: (onProgress: ProgressListener | undefined, signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const progress = quiet ? undefined : terminalProgress();
  const controller = new AbortController();
  const interrupt = (signal: NodeJS.Signals): void => {
    if (controller.signal.aborted) process.exit(128 + (signal === 'SIGINT' ? 2 : 15));
    controller.abort();
  };
  for (const name of INTERRUPTS) process.on(name, interrupt);
  try {
    return await work(progress?.listener, controller.signal);
  } finally {
    for (const name of INTERRUPTS) process.off(name, interrupt);
    progress?.stop();
  }
}
