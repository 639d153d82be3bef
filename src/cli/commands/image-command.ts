import { Command, InvalidArgumentError } from 'commander';
import type { CustomsApi, ServiceImage } from '../../client/customs-api.js';
import { UsageError } from '../../errors/index.js';
import { CHECK_REPORT_FORMATS, checkReportFormat } from '../../policy/report/index.js';
import { REPORT_FORMATS, reportFormat } from '../../report/registry.js';
import { countFailing, parseSeverity } from '../../scan/index.js';
import { EXIT_POLICY_STOP } from '../exit-codes.js';
import { outputTargetsOption, parseOutputTargets } from '../output-targets.js';
import { failOnOption, reportFailOn } from '../fail-on-option.js';
import { addServiceOptions, callService, serviceApi, type ServiceOptionValues } from '../client-options.js';
import { withProgress } from '../with-progress.js';
import { writeOutputs } from '../write-outputs.js';
import { derivedTable, imageDetail, imagesTable, json, viewFormat } from './service-views.js';

const DEFAULT_WAIT_SECONDS = 600;

interface WaitValues {
  timeout: number;
  interval: number;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function seconds(text: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0) throw new InvalidArgumentError('not a number of seconds');
  return value;
}

function annotations(values: string[]): Record<string, string> | undefined {
  if (values.length === 0) return undefined;
  return Object.fromEntries(
    values.map((value) => {
      const eq = value.indexOf('=');
      if (eq <= 0) throw new UsageError(`--annotation ${value}: expected NAME=VALUE`);
      return [value.slice(0, eq), value.slice(eq + 1)];
    }),
  );
}

function addWaitOptions(command: Command): Command {
  return command
    .option('--timeout <seconds>', 'longest wait for the analysis', seconds, DEFAULT_WAIT_SECONDS)
    .option('--interval <seconds>', 'time between two looks at the image', seconds, 2);
}

/** A subcommand with the service options, running `action` with the API (Ctrl-C stops it). */
function serviceCommand<V extends ServiceOptionValues>(
  parent: Command,
  name: string,
  description: string,
): { command: Command; run: (action: (api: CustomsApi, ref: string, values: V) => Promise<void>) => void } {
  const command = addServiceOptions(parent.command(name).description(description));
  return {
    command,
    run: (action) => {
      command.action(async (ref: string, values: V) => {
        await withProgress(true, (_onProgress, signal) =>
          callService(() => action(serviceApi(values, signal), ref, values)),
        );
      });
    },
  };
}

async function waitFor(api: CustomsApi, image: ServiceImage, values: WaitValues): Promise<ServiceImage> {
  if (image.analysis_status === 'analyzed') return image;
  return api.waitForAnalysis(image.imageDigest, {
    timeoutMs: values.timeout * 1000,
    intervalMs: Math.max(50, values.interval * 1000),
  });
}

const statusLine = (image: ServiceImage): string => `${image.imageDigest} ${image.analysis_status}\n`;

/** `customs image …`: images on a Customs service, with the local commands' outputs and exit codes. */
export function imageCommand(): Command {
  const command = new Command('image').description(
    'images on a Customs service (--url, --api-key): add, list, show, report and check them',
  );
  command.hook('preSubcommand', (parent, sub) => {
    sub.copyInheritedSettings(parent);
  });

  const add = serviceCommand<
    ServiceOptionValues & WaitValues & { wait?: boolean; force?: boolean; annotation: string[] }
  >(command, 'add', 'add an image by tag or digest reference and queue its analysis');
  add.command
    .argument('<ref>', 'image reference the service pulls: registry/repo:tag or registry/repo@sha256:…')
    .option('--wait', 'wait until the analysis is done (non-zero exit when it failed or timed out)')
    .option('--force', 'analyse again even when the digest is analysed')
    .option(
      '--annotation <name=value>',
      'annotation to keep with the image (repeatable)',
      collect,
      [] as string[],
    );
  addWaitOptions(add.command);
  add.run(async (api, ref, values) => {
    const noted = annotations(values.annotation);
    let image = await api.addImage(ref, {
      force: values.force ?? false,
      ...(noted ? { annotations: noted } : {}),
    });
    if (values.wait) image = await waitFor(api, image, values);
    process.stdout.write(statusLine(image));
  });

  const list = addServiceOptions(
    command
      .command('list')
      .description("the account's images")
      .option('--tag <ref>', 'only images with this tag')
      .option('--status <status>', 'only images in this analysis status')
      .option('-o, --output <format>', 'output format: table, json', 'table'),
  );
  list.action(async (values: ServiceOptionValues & { tag?: string; status?: string; output: string }) => {
    const format = viewFormat(values.output);
    const images = await callService(() =>
      serviceApi(values).listImages({
        ...(values.tag !== undefined ? { fulltag: values.tag } : {}),
        ...(values.status !== undefined ? { status: values.status as ServiceImage['analysis_status'] } : {}),
      }),
    );
    process.stdout.write(format === 'json' ? json(images) : imagesTable(images));
  });

  const get = serviceCommand<ServiceOptionValues & { output: string }>(command, 'get', 'one image');
  get.command
    .argument('<ref>', 'digest, registry/repo@sha256:… or a tag the account added')
    .option('-o, --output <format>', 'output format: table, json', 'table');
  get.run(async (api, ref, values) => {
    const format = viewFormat(values.output);
    const image = await api.imageWithProvenance(ref);
    process.stdout.write(format === 'json' ? json(image) : imageDetail(image));
  });

  const derived = serviceCommand<ServiceOptionValues & { output: string; direct?: boolean }>(
    command,
    'derived',
    "the account's analyzed images built on this one (its layers are their first layers)",
  );
  derived.command
    .argument('<ref>', 'digest, registry/repo@sha256:… or a tag the account added')
    .option('--direct', 'only images with no other known image in between')
    .option('-o, --output <format>', 'output format: table, json', 'table');
  derived.run(async (api, ref, values) => {
    const format = viewFormat(values.output);
    const image = await api.image(ref);
    const found = await api.derivedImages(image.imageDigest, { direct: values.direct ?? false });
    process.stdout.write(format === 'json' ? json(found) : derivedTable(found));
  });

  const vuln = serviceCommand<ServiceOptionValues & { output: string[]; failOn?: string }>(
    command,
    'vuln',
    "the image's stored vulnerability report, in any `customs scan` format",
  );
  vuln.command
    .argument('<ref>', 'digest, registry/repo@sha256:… or a tag the account added')
    .addOption(outputTargetsOption(REPORT_FORMATS))
    .addOption(failOnOption());
  vuln.run(async (api, ref, values) => {
    const targets = parseOutputTargets(values.output, 'table').map((t) => ({
      ...t,
      encoder: reportFormat(t.format),
    }));
    const failOn = values.failOn === undefined ? undefined : parseSeverity(values.failOn);
    const image = await api.image(ref);
    const report = await api.scanReport(image.imageDigest);
    await writeOutputs(targets, (target) => target.encoder.encode(report));
    reportFailOn(failOn ? countFailing(report, failOn) : 0, failOn);
  });

  const check = serviceCommand<ServiceOptionValues & { output: string[]; policyId?: string; tag?: string }>(
    command,
    'check',
    "evaluate the image's stored analysis with a policy of the service: GO, WARN or STOP (exit 2)",
  );
  check.command
    .argument('<ref>', 'digest, registry/repo@sha256:… or a tag the account added')
    .option('--policy-id <id>', 'the policy to evaluate with (default the active one)')
    .option('--tag <ref>', 'evaluate the image as this reference (picks mappings and image lists)')
    .addOption(outputTargetsOption(CHECK_REPORT_FORMATS));
  check.run(async (api, ref, values) => {
    const targets = parseOutputTargets(values.output, 'table').map((t) => ({
      ...t,
      encoder: checkReportFormat(t.format),
    }));
    const image = await api.image(ref);
    const evaluation = await api.check(image.imageDigest, {
      ...(values.policyId !== undefined ? { policyId: values.policyId } : {}),
      ...(values.tag !== undefined ? { tag: values.tag } : {}),
    });
    await writeOutputs(targets, (target) => target.encoder.encode(evaluation.result));
    if (evaluation.result.status === 'fail') process.exitCode = EXIT_POLICY_STOP;
  });

  const wait = serviceCommand<ServiceOptionValues & WaitValues>(
    command,
    'wait',
    'wait until the image is analysed (non-zero exit with the reason when the analysis failed, or on timeout)',
  );
  wait.command.argument('<ref>', 'digest, registry/repo@sha256:… or a tag the account added');
  addWaitOptions(wait.command);
  wait.run(async (api, ref, values) => {
    const image = await waitFor(api, await api.image(ref), values);
    process.stdout.write(statusLine(image));
  });
  return command;
}
