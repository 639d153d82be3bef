import type { ProgressListener } from '../resolver/progress.js';
import { terminalProgress } from './progress/terminal-progress.js';

/** Runs `work` with the progress line drawn on a terminal stderr (none when `quiet` or piped). */
export async function withProgress<T>(
  quiet: boolean | undefined,
  work: (onProgress: ProgressListener | undefined) => Promise<T>,
): Promise<T> {
  const progress = quiet ? undefined : terminalProgress();
  try {
    return await work(progress?.listener);
  } finally {
    progress?.stop();
  }
}
