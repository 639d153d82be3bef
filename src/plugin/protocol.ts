import type { PackageType } from '../model/package.js';
import type { Sbom } from '../model/sbom.js';
import type { ScanReport } from '../scan/types.js';

/**
 * Customs plugin protocol, version 1 (docs/plugins.md). A plugin is an executable: it reads one
 * JSON object on stdin and writes one JSON object on stdout. Exit status 0 means success, 1 a
 * failure the plugin explains on the first line of stderr; anything else is a broken plugin.
 */
export const PLUGIN_PROTOCOL = 'customs-plugin/1';

/** `describe` asks a gate plugin for its rule parameters; it needs no image. */
export type PluginKind = 'gate' | 'analyzer' | 'describe';

/** JSON-safe rule parameter values: regexes are sent as their source text. */
export type PluginParamValue = string | boolean | number | string[] | number[];

export interface PluginInput {
  protocol: typeof PLUGIN_PROTOCOL;
  kind: PluginKind;
  sbom?: Sbom;
  scan?: ScanReport;
  params?: Record<string, PluginParamValue>;
}

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
export interface PluginPackage {
  name: string;
  version: string;
  type: PackageType;
  purl?: string;
  licenses?: string[];
  /** Paths inside the image. */
  locations?: string[];
}

export interface AnalyzerOutput {
  packages: PluginPackage[];
  warnings: string[];
}

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
