import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { Command, Option } from 'commander';
import type { CatalogOptions } from '../../cataloger/types.js';
import { DatabaseError, UsageError } from '../../errors/index.js';
import type { Scope } from '../../model/sbom.js';
import type { BundleProblem } from '../../policy/types.js';
import type { ScanReport } from '../../scan/types.js';
import { defaultDatabasePath, isPostgresLocation, openStore } from '../../vulndb/default-path.js';
import { addImageOptions, sourceOptions, type ImageOptionValues } from '../image-options.js';
import { parseOutputTargets } from '../output-targets.js';
import { parseNamedPlugins } from '../plugin-options.js';
import { generateWithProgress } from '../generate-with-progress.js';
import { DATABASE_REMEDY } from '../database-remedy.js';

/** `customs check` exits 2 when the evaluation is STOP (0 for GO and WARN, 1 for any error). */
export const EXIT_POLICY_STOP = 2;

const CHECK_FORMATS = 'table, json, junit, sarif, html';
const DEFAULT_RETRIEVED = '/etc/passwd';
const MAX_VALUE_CHARS = 120;

interface CheckOptionValues extends ImageOptionValues {
  policy: string;
  tag?: string;
  output: string[];
  db?: string;
  dockerfile?: string;
  ignoreDb?: boolean;
  scope: Scope;
  quiet?: boolean;
  plugin: string[];
  analyzer: string[];
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** `PATH: message (value)`, the value as JSON, shortened when long. */
function problemLine(problem: BundleProblem): string {
  if (problem.value === undefined) return `${problem.path}: ${problem.message}\n`;
  let value = JSON.stringify(problem.value) ?? String(problem.value);
  if (value.length > MAX_VALUE_CHARS) value = `${value.slice(0, MAX_VALUE_CHARS - 1)}…`;
  return `${problem.path}: ${problem.message} (${value})\n`;
}

async function readDockerfile(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    throw new UsageError(
      `cannot read --dockerfile ${file}: ${(err as NodeJS.ErrnoException).code ?? 'unreadable'}`,
    );
  }
}

/** The database location to scan with, or undefined to evaluate without a scan. */
function databaseFor(values: CheckOptionValues, needsScan: boolean): string | undefined {
  if (values.ignoreDb) return undefined;
  const location = values.db ?? defaultDatabasePath();
  if (isPostgresLocation(location) || existsSync(location)) return location;
  if (needsScan) {
    throw new DatabaseError(
      `no vulnerability database at ${location}, and the bundle has vulnerability rules: ${DATABASE_REMEDY} (or --ignore-db)`,
    );
  }
  process.stderr.write(
    `customs: warning: no vulnerability database at ${location}: vulnerabilities not checked\n`,
  );
  return undefined;
}

export function checkCommand(): Command {
  const command = new Command('check')
    .description('evaluate an image (or an SBOM) against an Anchore 1_0 policy bundle: GO, WARN or STOP')
    .argument('<source>', 'any source `customs sbom` takes, or sbom:FILE to check an existing SBOM')
    .requiredOption('--policy <file>', 'policy bundle, JSON or YAML (Anchore 1_0)')
    .option('--tag <ref>', 'evaluate the image as this reference (picks mappings and image lists)')
    .option(
      '-o, --output <format[=file]>',
      `output format: ${CHECK_FORMATS}; FORMAT=FILE writes a file (repeatable)`,
      collect,
      [] as string[],
    )
    .option(
      '--db <location>',
      'vulnerability database: a SQLite file or postgres://… (default: the user cache)',
    )
    .option('--ignore-db', 'do not scan for vulnerabilities (vulnerability rules cannot fire)')
    .option('--dockerfile <file>', 'the Dockerfile the image was built from, for the dockerfile gate')
    .addOption(
      new Option('--scope <scope>', 'which files count')
        .choices(['squashed', 'all-layers'])
        .default('squashed'),
    )
    .option(
      '--plugin <name=path>',
      'a gate plugin (any executable speaking customs-plugin/1): rules use gate plugin:NAME (repeatable)',
      collect,
      [] as string[],
    )
    .option(
      '--analyzer <name=path>',
      'an analyzer plugin whose packages and warnings join the SBOM before evaluation (repeatable)',
      collect,
      [] as string[],
    )
    .option('-q, --quiet', 'no progress display');
  addImageOptions(command);
  return command.action(async (source: string, values: CheckOptionValues) => {
    // Loaded on use: the gate registry is only needed by policy commands.
    const { loadBundle } = await import('../../policy/bundle/index.js');
    const { bundleNeeds, evaluateWithGates } = await import('../../policy/evaluate/index.js');
    const { GATES } = await import('../../policy/gates/registry.js');
    const { loadPluginGate, runAnalyzerPlugin } = await import('../../plugin/index.js');
    const { parseImageReference } = await import('../../policy/mapping/index.js');
    const { checkReportFormat } = await import('../../policy/report/index.js');
    const targets = parseOutputTargets(values.output, 'table').map((t) => ({
      ...t,
      encoder: checkReportFormat(t.format),
    }));
    if (values.tag !== undefined) parseImageReference(values.tag);
    const gatePlugins = parseNamedPlugins(values.plugin, '--plugin');
    const analyzers = parseNamedPlugins(values.analyzer, '--analyzer');
    const gates = [...GATES];
    for (const plugin of gatePlugins) gates.push(await loadPluginGate(plugin.path, plugin.name));
    const { bundle, problems } = await loadBundle(values.policy, gates);
    if (problems.length > 0) {
      process.stderr.write(problems.map(problemLine).join(''));
      throw new UsageError(`${values.policy} is not a valid policy bundle: ${problems.length} problem(s)`);
    }
    const needs = bundleNeeds(bundle);
    const location = databaseFor(values, needs.scan);
    const dockerfile = values.dockerfile ? await readDockerfile(values.dockerfile) : undefined;
    const catalog: CatalogOptions = {
      files: needs.allFiles ? 'all' : 'notable',
      retrieveFiles: [DEFAULT_RETRIEVED, ...needs.retrievedPaths.filter((p) => p !== DEFAULT_RETRIEVED)],
      malware: needs.malware,
    };
    let sbom = await generateWithProgress(
      source,
      {
        ...sourceOptions(values),
        scope: values.scope,
        catalog,
      },
      values.quiet,
    );
    for (const analyzer of analyzers)
      sbom = await runAnalyzerPlugin(analyzer.path, sbom, { name: analyzer.name });
    let scan: ScanReport | undefined;
    if (location) {
      const { coverageGap, scanSbom } = await import('../../scan/index.js');
      const store = await openStore(location, { readonly: true });
      try {
        scan = await scanSbom(sbom, store, {});
      } finally {
        await store.close();
      }
      const gap = needs.scan ? coverageGap(scan) : undefined;
      if (gap) {
        throw new DatabaseError(
          `${gap}, and the bundle has vulnerability rules: ${DATABASE_REMEDY} (or --ignore-db)`,
        );
      }
    }
    for (const warning of [...sbom.warnings, ...(scan?.warnings ?? [])])
      process.stderr.write(`customs: warning: ${warning}\n`);
    const result = evaluateWithGates(
      bundle,
      { sbom, ...(scan ? { scan } : {}), ...(dockerfile !== undefined ? { dockerfile } : {}) },
      { ...(values.tag !== undefined ? { tag: values.tag } : {}), now: new Date() },
      gates,
    );
    for (const target of targets) {
      const text = target.encoder.encode(result);
      if (!target.file) process.stdout.write(text);
      else {
        await writeFile(target.file, text).catch((err: NodeJS.ErrnoException) => {
          throw new UsageError(`cannot write ${target.file}: ${err.code ?? err.message}`);
        });
      }
    }
    if (result.status === 'fail') process.exitCode = EXIT_POLICY_STOP;
  });
}
