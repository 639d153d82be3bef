import { readFile, writeFile } from 'node:fs/promises';
import { Command, Option } from 'commander';
import { UsageError } from '../../errors/index.js';
import { evaluateScapImage } from '../../scap/evaluate-image.js';
import { encodeArf } from '../../scap/report/arf.js';
import { encodeScapJson } from '../../scap/report/json-report.js';
import { encodeResultsXml } from '../../scap/report/results-xml.js';
import { encodeScapTable } from '../../scap/report/table-report.js';
import { EXIT_SCAP_FAIL } from '../exit-codes.js';
import { addImageSourceOptions, sourceOptions, type ImageOptionValues } from '../image-options.js';
import { withProgress } from '../with-progress.js';

interface ScapOptionValues extends Omit<ImageOptionValues, 'cache'> {
  content: string;
  profile?: string;
  tailoring?: string;
  datastreamId?: string;
  results?: string;
  resultsArf?: string;
  format: 'table' | 'json';
  quiet?: boolean;
}

export function scapCommand(): Command {
  const command = new Command('scap')
    .description(
      'evaluate SCAP content (an XCCDF benchmark with OVAL checks) against an image, straight from its layers',
    )
    .argument('<image>', 'any image source `customs sbom` takes (not sbom:)')
    .requiredOption(
      '--content <file>',
      'an SCAP source data stream, or an XCCDF 1.2 benchmark with its OVAL files beside it',
    )
    .option(
      '--profile <id>',
      'the profile to evaluate: its id, or the part after _profile_ (default: the benchmark defaults)',
    )
    .option('--tailoring <file>', 'an XCCDF tailoring file whose profiles join the benchmark’s')
    .option('--datastream-id <id>', 'the data stream of the collection to use (default: the first)')
    .option('--results <file>', 'write the XCCDF 1.2 TestResult document here')
    .option('--results-arf <file>', 'write an ARF 1.1 report (the content, the image, the TestResult) here')
    .addOption(
      new Option('--format <format>', 'report on standard output')
        .choices(['table', 'json'])
        .default('table'),
    )
    .option('-q, --quiet', 'no progress display')
    .addHelpText(
      'after',
      `\nExit status: ${EXIT_SCAP_FAIL} when a rule fails (as oscap), 0 otherwise. Tests Customs cannot run make their rules notchecked, never pass.\n\nExamples:\n  customs scap oci-dir:img --content /usr/share/xml/scap/ssg/content/ssg-debian11-ds.xml --profile standard\n  customs scap registry:acme/app:1.4 --content ds.xml --tailoring tailoring.xml --profile my_profile --results results.xml --format json\n`,
    );
  addImageSourceOptions(command);
  return command.action(async (image: string, values: ScapOptionValues) => {
    const evaluation = await withProgress(values.quiet, (onProgress, signal) =>
      evaluateScapImage(image, values.content, {
        ...sourceOptions(values),
        ...(values.profile !== undefined ? { profile: values.profile } : {}),
        ...(values.tailoring !== undefined ? { tailoring: values.tailoring } : {}),
        ...(values.datastreamId !== undefined ? { dataStreamId: values.datastreamId } : {}),
        ...(onProgress ? { onProgress } : {}),
        signal,
      }),
    );
    const write = (file: string, text: string): Promise<void> =>
      writeFile(file, text).catch((err: NodeJS.ErrnoException) => {
        throw new UsageError(`cannot write ${file}: ${err.code ?? err.message}`);
      });
    if (values.results) await write(values.results, encodeResultsXml(evaluation));
    if (values.resultsArf)
      await write(values.resultsArf, encodeArf(evaluation, await readFile(values.content, 'utf8')));
    process.stdout.write(
      values.format === 'json'
        ? encodeScapJson(evaluation)
        : encodeScapTable(evaluation, process.stdout.columns || 120),
    );
    if (evaluation.results.some((r) => r.result === 'fail')) process.exitCode = EXIT_SCAP_FAIL;
  });
}
