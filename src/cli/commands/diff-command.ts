import { Command, InvalidArgumentError } from 'commander';
import { DIFF_ENCODERS, DIFF_FORMATS, DRIFT_KINDS, driftCounts, type DriftKind } from '../../drift/index.js';
import { diffImages } from '../../usecases/diff-images.js';
import { defaultDatabasePath } from '../../vulndb/default-path.js';
import { EXIT_DRIFT } from '../exit-codes.js';
import { addImageOptions, imageReadOptions, type ImageOptionValues } from '../image-options.js';
import { outputTargetsOption, parseOutputTargets } from '../output-targets.js';
import { withProgress } from '../with-progress.js';
import { printWarnings, writeOutputs } from '../write-outputs.js';

interface DiffOptionValues extends ImageOptionValues {
  output: string[];
  db?: string;
  vulnerabilities: boolean;
  failOnDrift?: DriftKind[];
  quiet?: boolean;
}

function driftKinds(value: string): DriftKind[] {
  const kinds = value.split(',').map((k) => k.trim());
  const unknown = kinds.filter((k) => !(DRIFT_KINDS as readonly string[]).includes(k));
  if (unknown.length > 0)
    throw new InvalidArgumentError(
      `unknown kind ${unknown.join(', ')} (choose from ${DRIFT_KINDS.join(', ')})`,
    );
  return kinds as DriftKind[];
}

export function diffCommand(): Command {
  const command = new Command('diff')
    .description('what changed between two images: packages, files, config, vulnerabilities')
    .argument('<before>', 'the earlier image: any source `customs sbom` takes')
    .argument('<after>', 'the later image')
    .addOption(outputTargetsOption(DIFF_FORMATS))
    .option(
      '--db <location>',
      'vulnerability database: a SQLite file or postgres://… (default: the user cache)',
    )
    .option('--no-vulnerabilities', 'compare packages, files and configuration only')
    .option(
      '--fail-on-drift <kinds>',
      `exit ${EXIT_DRIFT} when a change of these kinds is found (comma-separated: ${DRIFT_KINDS.join(', ')})`,
      driftKinds,
    )
    .option('-q, --quiet', 'no progress display')
    .addHelpText(
      'after',
      '\nExamples:\n  customs diff registry:acme/app:1.4 registry:acme/app:1.5\n  customs diff oci-dir:old oci-dir:new -o json=drift.json --fail-on-drift vulnerability_introduced,config_changed\n',
    );
  addImageOptions(command);
  return command.action(async (before: string, after: string, values: DiffOptionValues) => {
    const targets = parseOutputTargets(values.output, 'table').map((t) => ({
      ...t,
      encoder: DIFF_ENCODERS.get(t.format),
    }));
    const { drift, warnings } = await withProgress(values.quiet, (onProgress, signal) =>
      diffImages(before, after, {
        ...imageReadOptions(values),
        ...(values.vulnerabilities ? { store: values.db ?? defaultDatabasePath() } : {}),
        onProgress,
        signal,
      }),
    );
    printWarnings(warnings);
    await writeOutputs(targets, (target) => target.encoder.encode(drift));
    const counts = driftCounts(drift);
    const found = (values.failOnDrift ?? []).filter((kind) => counts[kind] > 0);
    if (found.length > 0) {
      process.stderr.write(`customs: drift found: ${found.map((k) => `${k} ${counts[k]}`).join(', ')}\n`);
      process.exitCode = EXIT_DRIFT;
    }
  });
}
