import { Command } from 'commander';
import { addServiceOptions, callService, serviceApi, type ServiceOptionValues } from '../client-options.js';
import { feedsTable, json, viewFormat } from './service-views.js';

/** `customs feeds status|sync`: the vulnerability data of a Customs service. */
export function feedsCommand(): Command {
  const command = new Command('feeds').description(
    'the vulnerability data of a Customs service (--url, --api-key): its state, and syncing it',
  );
  command.hook('preSubcommand', (parent, sub) => {
    sub.copyInheritedSettings(parent);
  });
  addServiceOptions(
    command
      .command('status')
      .description('providers, last sync and record counts of the service’s vulnerability data')
      .option('-o, --output <format>', 'output format: table, json', 'table'),
  ).action(async (values: ServiceOptionValues & { output: string }) => {
    const format = viewFormat(values.output);
    const status = await callService(() => serviceApi(values).feedStatus());
    process.stdout.write(format === 'json' ? json(status) : feedsTable(status));
  });
  addServiceOptions(
    command.command('sync').description('queue a sync of the vulnerability data (one worker runs it)'),
  ).action(async (values: ServiceOptionValues) => {
    const jobId = await callService(() => serviceApi(values).syncFeeds());
    process.stdout.write(`sync queued: job ${jobId}\n`);
  });
  return command;
}
