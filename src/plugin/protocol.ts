import type { Static } from '@sinclair/typebox';
import type {
  AnalyzerOutputSchema,
  PluginInputSchema,
  PluginPackageSchema,
  PluginParamValueSchema,
} from '../schema/plugin-protocol.js';

/**
 * Customs plugin protocol, version 1 (docs/plugins.md). A plugin is an executable: it reads one
 * JSON object on stdin and writes one JSON object on stdout. Exit status 0 means success, 1 a
 * failure the plugin explains on the first line of stderr; anything else is a broken plugin.
 */
export const PLUGIN_PROTOCOL = 'customs-plugin/1';

/** `describe` asks a gate plugin for its rule parameters; it needs no image. */
export type PluginKind = PluginInput['kind'];

/** JSON-safe rule parameter values: regexes are sent as their source text. */
export type PluginParamValue = Static<typeof PluginParamValueSchema>;

/** What Customs writes on a plugin's stdin (schema: src/schema/plugin-protocol.ts). */
export type PluginInput = Static<typeof PluginInputSchema>;

/** One finding of a gate plugin. */
export interface PluginGateFinding {
  /** The plugin's own name for the check that fired (`too_many_packages`). */
  trigger: string;
  message: string;
  /** Stable across wording changes: the trigger id is derived from it. */
  identity: string;
  /** The action the plugin suggests; rules may select on it (param `plugin_action`). */
  action?: 'stop' | 'warn' | 'go';
}

/** A package an analyzer plugin found; added to the SBOM with `foundBy: plugin:<name>`. */
export type PluginPackage = Static<typeof PluginPackageSchema>;

/** An analyzer's output once read: both lists always there. */
export type AnalyzerOutput = Required<Static<typeof AnalyzerOutputSchema>>;

export interface PluginRunOptions {
  /** The name errors use; default the file's base name. */
  name?: string;
  /** Default 30 s; the plugin (and, for runPlugin, its process group) is killed after it. */
  timeoutMs?: number;
  /** Default 8 MiB: a plugin printing more on stdout is killed. */
  maxOutputBytes?: number;
  /** Kills the plugin's process group and rejects with CancelledError when it fires. */
  signal?: AbortSignal;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_OUTPUT_BYTES = 8 * 1024 * 1024;
