export { mergeAnalyzerOutput, readAnalyzerOutput } from './analyzer-output.js';
export { describePlugin, loadPluginGate, type PluginDescription } from './describe-plugin.js';
export { readGateOutput } from './gate-output.js';
export { PLUGIN_ACTION_PARAM, pluginGate, type PluginGateOptions } from './plugin-gate.js';
export * from './protocol.js';
export { runAnalyzerPlugin } from './run-analyzer.js';
export { runPlugin } from './run-plugin.js';
