import { basename } from 'node:path';
import type { Sbom } from '../model/sbom.js';
import { mergeAnalyzerOutput, readAnalyzerOutput } from './analyzer-output.js';
import { PLUGIN_PROTOCOL, type PluginParamValue, type PluginRunOptions } from './protocol.js';
import { runPlugin } from './run-plugin.js';

/** Runs an analyzer plugin on an SBOM and returns the SBOM with its packages and warnings added. */
export async function runAnalyzerPlugin(
  path: string,
  sbom: Sbom,
  options: PluginRunOptions & { params?: Record<string, PluginParamValue> } = {},
): Promise<Sbom> {
  const name = options.name ?? basename(path);
  const output = await runPlugin(
    path,
    { protocol: PLUGIN_PROTOCOL, kind: 'analyzer', sbom, params: options.params ?? {} },
    { ...options, name },
  );
  return mergeAnalyzerOutput(sbom, name, readAnalyzerOutput(name, output));
}
