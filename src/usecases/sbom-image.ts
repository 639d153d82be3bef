import { generateSbom } from '../sbom/generate-sbom.js';
import type { AnalysisOptions, SbomImageResult } from './types.js';

/**
 * The SBOM of `source` (any source reference, or `sbom:FILE` to read one back), with the
 * analyzer plugins' packages and warnings merged in.
 */
export async function sbomImage(source: string, options: AnalysisOptions = {}): Promise<SbomImageResult> {
  const { analyzers = [], ...generate } = options;
  let sbom = await generateSbom(source, generate);
  if (analyzers.length === 0) return { sbom, warnings: [...sbom.warnings] };
  // The plugin runner (and the schema library it validates with) is loaded only for analyzers.
  const { runAnalyzerPlugin } = await import('../plugin/index.js');
  for (const analyzer of analyzers)
    sbom = await runAnalyzerPlugin(analyzer.path, sbom, {
      name: analyzer.name,
      ...(options.signal ? { signal: options.signal } : {}),
    });
  return { sbom, warnings: [...sbom.warnings] };
}
