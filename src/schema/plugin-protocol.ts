import { type Static, Type } from '@sinclair/typebox';
import { SbomSchema } from './sbom.js';
import { PackageTypeSchema, PACKAGE_TYPE_NAMES } from './sbom-parts.js';
import { ScanReportSchema } from './scan-report.js';
import { anyCase } from './shape-problems.js';

/**
 * Customs plugin protocol, version 1 (docs/plugins.md): what Customs writes on a plugin's stdin
 * and what a gate or analyzer plugin writes back. A field set to null counts as absent.
 */

const nonBlank = (description?: string) =>
  Type.String({
    pattern: '\\S',
    problem: '{path} must be a non-empty string',
    missing: '{path} must be a non-empty string',
    ...(description ? { description } : {}),
  });

const strings = (description: string) =>
  Type.Array(Type.String(), { description, problem: '{path} must be a list of strings', whole: true });

export const PluginParamValueSchema = Type.Union(
  [Type.String(), Type.Boolean(), Type.Number(), Type.Array(Type.String()), Type.Array(Type.Number())],
  { description: 'JSON-safe rule parameter values: regexes are sent as their source text.' },
);

export const PluginInputSchema = Type.Object({
  protocol: Type.Literal('customs-plugin/1'),
  kind: Type.Union([Type.Literal('gate'), Type.Literal('analyzer'), Type.Literal('describe')]),
  sbom: Type.Optional(SbomSchema),
  scan: Type.Optional(ScanReportSchema),
  params: Type.Optional(Type.Record(Type.String(), PluginParamValueSchema)),
});

export const PluginGateFindingSchema = Type.Object(
  {
    trigger: nonBlank("The plugin's own name for the check that fired (too_many_packages)."),
    message: nonBlank(),
    identity: nonBlank('Stable across wording changes: the trigger id is derived from it.'),
    action: Type.Optional(
      Type.String({
        pattern: `^(${anyCase(['stop', 'warn', 'go'])})$`,
        description: 'The action the plugin suggests (any case); rules may select on it.',
        problem: '{path} must be stop, warn or go',
      }),
    ),
  },
  { problem: '{path} must be an object' },
);

/** What a gate plugin writes: `{findings: [{trigger, message, identity, action?}]}`. */
export const GateOutputSchema = Type.Object(
  {
    findings: Type.Array(PluginGateFindingSchema, {
      problem: 'output needs a findings list',
      missing: 'output needs a findings list',
    }),
  },
  { problem: 'output must be a JSON object' },
);

export const PluginPackageSchema = Type.Object(
  {
    name: nonBlank(),
    version: nonBlank(),
    type: Type.Union([PackageTypeSchema], {
      problem: `{path} must be one of ${PACKAGE_TYPE_NAMES.join(', ')}`,
      missing: `{path} must be one of ${PACKAGE_TYPE_NAMES.join(', ')}`,
    }),
    purl: Type.Optional(Type.String({ problem: '{path} must be a string' })),
    licenses: Type.Optional(strings('License names or SPDX expressions.')),
    locations: Type.Optional(strings('Paths inside the image.')),
  },
  { problem: '{path} must be an object', description: 'Added to the SBOM with foundBy plugin:<name>.' },
);

/** What an analyzer plugin writes: `{packages?: [...], warnings?: [...]}`. */
export const AnalyzerOutputSchema = Type.Object(
  {
    packages: Type.Optional(Type.Array(PluginPackageSchema, { problem: 'packages must be a list' })),
    warnings: Type.Optional(strings('Said on stderr, prefixed with the plugin name.')),
  },
  { problem: 'output must be a JSON object' },
);

/** Rule parameter types a gate plugin may declare (the policy engine's ParamType). */
export const PLUGIN_PARAM_TYPES = [
  'str',
  'enum',
  'bool',
  'int',
  'float',
  'csv',
  'csv-int',
  'regex',
  'octal',
  'size',
] as const;

export const PluginParamSpecSchema = Type.Object(
  {
    name: Type.String({
      pattern: '^[A-Za-z_][A-Za-z0-9_]*$',
      problem: '{path} must be an identifier',
      missing: '{path} must be an identifier',
    }),
    type: Type.Optional(
      Type.Union(
        PLUGIN_PARAM_TYPES.map((t) => Type.Literal(t)),
        { problem: `{path} must be one of ${PLUGIN_PARAM_TYPES.join(', ')}`, description: 'Default str.' },
      ),
    ),
    description: Type.Optional(Type.String({ problem: '{path} must be a string' })),
    required: Type.Optional(Type.Boolean({ problem: '{path} must be true or false' })),
    values: Type.Optional(
      Type.Array(Type.String(), {
        minItems: 1,
        whole: true,
        problem: '{path} must be a non-empty list of strings for an enum',
        description: 'The allowed values of an enum parameter.',
      }),
    ),
    default: Type.Optional(Type.String({ problem: '{path} must be a string' })),
  },
  { problem: '{path} must be an object' },
);

/** What a gate plugin writes for `{kind: "describe"}`: its description and rule parameters. */
export const DescribeOutputSchema = Type.Object(
  {
    description: Type.Optional(Type.String({ problem: '{path} must be a string' })),
    params: Type.Optional(Type.Array(PluginParamSpecSchema, { problem: 'params must be a list' })),
  },
  { problem: 'output must be a JSON object' },
);

export type PluginParamSpec = Static<typeof PluginParamSpecSchema>;
export type DescribeOutput = Static<typeof DescribeOutputSchema>;

export type PluginInput = Static<typeof PluginInputSchema>;
export type PluginPackage = Static<typeof PluginPackageSchema>;
