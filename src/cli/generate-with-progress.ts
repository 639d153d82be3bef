import type { Sbom } from '../model/sbom.js';
import { generateSbom, type GenerateSbomOptions } from '../sbom/generate-sbom.js';
import { terminalProgress } from './progress/terminal-progress.js';

/** generateSbom with the progress line drawn on a terminal stderr (none when `quiet` or piped). */
export async function generateWithProgress(
  source: string,
  options: Omit<GenerateSbomOptions, 'onProgress'>,
  quiet: boolean | undefined,
): Promise<Sbom> {
  const progress = quiet ? undefined : terminalProgress();
  try {
    return await generateSbom(source, { ...options, onProgress: progress?.listener });
  } finally {
    progress?.stop();
  }
}
