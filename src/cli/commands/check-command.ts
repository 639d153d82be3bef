import { readFile } from 'node:fs/promises';
import { Command, Option } from 'commander';
import { BundleProblemsError, UsageError } from '../../errors/index.js';
import type { Scope } from '../../model/sbom.js';
import { CHECK_REPORT_FORMATS, checkReportFormat } from '../../policy/report/index.js';
import type { BundleProblem } from '../../policy/types.js';
import { checkImage } from '../../usecases/index.js';
import { defaultDatabasePath } from '../../vulndb/default-path.js';
import { EXIT_POLICY_STOP } from '../exit-codes.js';
import { DATABASE_REMEDY, withDatabaseRemedy } from '../database-remedy.js';
import { addImageOptions, imageReadOptions, type ImageOptionValues } from '../image-options.js';
import { collectKey } from '../key-options.js';
import { loadTrustedKeys, type KeySource } from '../../signature/trusted-keys.js';
import { outputTargetsOption, parseOutputTargets } from '../output-targets.js';
import { parseNamedPlugins } from '../plugin-options.js';
import { withProgress } from '../with-progress.js';
import { printWarnings, writeOutputs } from '../write-outputs.js';

/** `customs check` exits 2 when the evaluation is STOP (0 for GO and WARN, 1 for any error). */
export { EXIT_POLICY_STOP };

const MAX_VALUE_CHARS = 120;

interface CheckOptionValues extends ImageOptionValues {
  policy: string;
  tag?: string;
  output: string[];
  db?: string;
  dockerfile?: string;
  previous?: string;
  ignoreDb?: boolean;
  scope: Scope;
  quiet?: boolean;
  plugin: string[];
  analyzer: string[];
  key: KeySource[];
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

/** The library's errors with the CLI's words: every bundle problem on stderr, flag names. */
function cliError(err: unknown): unknown {
  if (err instanceof BundleProblemsError) process.stderr.write(err.problems.map(problemLine).join(''));
  return withDatabaseRemedy(
    err,
    () => `, and the bundle has vulnerability rules: ${DATABASE_REMEDY} (or --ignore-db)`,
  );
}

export function checkCommand(): Command {
  const command = new Command('check')
    .description('evaluate an image (or an SBOM) against an Anchore 1_0 policy bundle: GO, WARN or STOP')
    .argument('<source>', 'any source `customs sbom` takes, or sbom:FILE to check an existing SBOM')
    .requiredOption('--policy <file>', 'policy bundle, JSON or YAML (Anchore 1_0)')
    .option('--tag <ref>', 'evaluate the image as this reference (picks mappings and image lists)')
    .addOption(outputTargetsOption(CHECK_REPORT_FORMATS))
    .option(
      '--db <location>',
      'vulnerability database: a SQLite file or postgres://… (default: the user cache)',
    )
    .option('--ignore-db', 'do not scan for vulnerabilities (vulnerability rules cannot fire)')
    .option('--dockerfile <file>', 'the Dockerfile the image was built from, for the dockerfile gate')
    .option(
      '--previous <source>',
      'the previous image of the same tag (any source), for drift rules: what changed since it',
    )
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
    .option(
      '--key <[name=]file>',
      'a PEM public key the signature gate trusts; rules name it NAME or FILE (repeatable)',
      collectKey,
      [] as KeySource[],
    )
    .option('-q, --quiet', 'no progress display');
  addImageOptions(command);
  return command.action(async (source: string, values: CheckOptionValues) => {
    const targets = parseOutputTargets(values.output, 'table').map((t) => ({
      ...t,
      encoder: checkReportFormat(t.format),
    }));
    const plugins = parseNamedPlugins(values.plugin, '--plugin');
    const analyzers = parseNamedPlugins(values.analyzer, '--analyzer');
    const dockerfile = values.dockerfile ? await readDockerfile(values.dockerfile) : undefined;
    const trustedKeys = await loadTrustedKeys(values.key);
    const { result, warnings } = await withProgress(values.quiet, (onProgress, signal) =>
      checkImage(source, values.policy, {
        ...imageReadOptions(values),
        scope: values.scope,
        ...(values.ignoreDb ? {} : { store: values.db ?? defaultDatabasePath() }),
        plugins,
        analyzers,
        ...(values.tag !== undefined ? { tag: values.tag } : {}),
        ...(dockerfile !== undefined ? { dockerfile } : {}),
        ...(values.previous !== undefined ? { previous: values.previous } : {}),
        trustedKeys,
        onProgress,
        signal,
      }),
    ).catch((err: unknown) => {
      throw cliError(err);
    });
    printWarnings(warnings);
    await writeOutputs(targets, (target) => target.encoder.encode(result));
    if (result.status === 'fail') process.exitCode = EXIT_POLICY_STOP;
  });
}
