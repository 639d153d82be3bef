import { Command, Option } from 'commander';
import type { Scope } from '../../model/sbom.js';
import { REPORT_FORMATS, reportFormat } from '../../report/registry.js';
import { loadIgnoreRules, loadVex, parseSeverity } from '../../scan/index.js';
import { scanImage } from '../../usecases/scan-image.js';
import { defaultDatabasePath } from '../../vulndb/default-path.js';
import { EXIT_FAIL_ON } from '../exit-codes.js';
import { DATABASE_REMEDY, withDatabaseRemedy } from '../database-remedy.js';
import { addImageOptions, imageReadOptions, type ImageOptionValues } from '../image-options.js';
import { outputTargetsOption, parseOutputTargets } from '../output-targets.js';
import { failOnOption, reportFailOn } from '../fail-on-option.js';
import { withProgress } from '../with-progress.js';
import { printWarnings, writeOutputs } from '../write-outputs.js';

/** `customs scan` exits 2 when a match at or above --fail-on remains (1 is any error). */
export { EXIT_FAIL_ON };

interface ScanOptionValues extends ImageOptionValues {
  output: string[];
  scope: Scope;
  failOn?: string;
  onlyFixed?: boolean;
  ignore?: string;
  vex: string[];
  db?: string;
  cpe?: boolean;
  quiet?: boolean;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export function scanCommand(): Command {
  const command = new Command('scan')
    .description('match an image (or an SBOM) against the vulnerability database')
    .argument('<source>', 'any source `customs sbom` takes, or sbom:FILE to scan an existing SBOM')
    .addOption(outputTargetsOption(REPORT_FORMATS))
    .addOption(failOnOption())
    .option('--only-fixed', 'ignore matches that have no fix yet')
    .option(
      '--ignore <file>',
      'ignore rules, YAML or JSON: ignore: [{vulnerability, package: {name, version, type, location}, fix-state, expires, reason}]',
    )
    .option('--vex <file>', 'OpenVEX or CycloneDX VEX document (repeatable)', collect, [] as string[])
    .option(
      '--db <location>',
      'vulnerability database: a SQLite file or postgres://… (default: the user cache)',
    )
    .option('--cpe', 'also match packages no distro or ecosystem data covers by guessed CPE (noisy)')
    .addOption(
      new Option('--scope <scope>', 'which files count')
        .choices(['squashed', 'all-layers'])
        .default('squashed'),
    )
    .option('-q, --quiet', 'no progress display');
  addImageOptions(command);
  return command.action(async (source: string, values: ScanOptionValues) => {
    const targets = parseOutputTargets(values.output, 'table').map((t) => ({
      ...t,
      encoder: reportFormat(t.format),
    }));
    const failOn = values.failOn === undefined ? undefined : parseSeverity(values.failOn);
    const ignoreRules = values.ignore ? await loadIgnoreRules(values.ignore) : [];
    const vex = (await Promise.all(values.vex.map(loadVex))).flat();
    const { scan, warnings, failing } = await withProgress(values.quiet, (onProgress, signal) =>
      scanImage(source, {
        ...imageReadOptions(values),
        scope: values.scope,
        store: values.db ?? defaultDatabasePath(),
        ...(failOn ? { failOn } : {}),
        onlyFixed: values.onlyFixed ?? false,
        ignoreRules,
        vex,
        cpe: values.cpe ?? false,
        onProgress,
        signal,
      }),
    ).catch((err: unknown) => {
      throw withDatabaseRemedy(err, (problem) =>
        problem === 'missing'
          ? ': run `customs db update` or `customs db import PATH`'
          : `, so --fail-on ${failOn} cannot pass: ${DATABASE_REMEDY}`,
      );
    });
    // Diagnostics go to stderr, so `scan > report.txt` holds only the report.
    printWarnings(warnings);
    if (scan.ignoredMatches.length)
      process.stderr.write(
        `customs: ${scan.ignoredMatches.length} matches ignored (VEX, ignore rules, --only-fixed); -o json lists them\n`,
      );
    await writeOutputs(targets, (target) => target.encoder.encode(scan));
    reportFailOn(failing, failOn);
  });
}
