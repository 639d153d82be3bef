import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { UsageError } from '../../errors/index.js';
import { addServiceOptions, callService, serviceApi, type ServiceOptionValues } from '../client-options.js';
import { json, policiesTable, viewFormat } from './service-views.js';

/** A bundle file's document, JSON or YAML, as the service takes it. */
async function readBundle(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? 'unreadable'}`);
  }
  const { parse } = await import('yaml');
  try {
    return parse(text) as unknown;
  } catch (err) {
    throw new UsageError(`${file} is neither JSON nor YAML: ${(err as Error).message.split('\n')[0]}`);
  }
}

/** `customs policy add|activate|list`: the policy bundles of a Customs service. */
export function addPolicyServiceCommands(command: Command): void {
  addServiceOptions(
    command
      .command('add')
      .description('store a policy bundle (JSON or YAML) on a Customs service; the service checks it first')
      .argument('<file>', 'policy bundle file')
      .option('--activate', 'make it the active bundle'),
  ).action(async (file: string, values: ServiceOptionValues & { activate?: boolean }) => {
    const bundle = await readBundle(file);
    const policy = await callService(async () => {
      const api = serviceApi(values);
      const added = await api.addPolicy(bundle);
      return values.activate ? api.activatePolicy(added.policyId) : added;
    });
    process.stdout.write(`${policy.policyId} ${policy.active ? 'active' : 'stored'}\n`);
  });
  addServiceOptions(
    command
      .command('activate')
      .description('make a stored bundle the one checks use by default on a Customs service')
      .argument('<policy-id>', 'the bundle id'),
  ).action(async (policyId: string, values: ServiceOptionValues) => {
    const policy = await callService(() => serviceApi(values).activatePolicy(policyId));
    process.stdout.write(`${policy.policyId} active\n`);
  });
  addServiceOptions(
    command
      .command('list')
      .description('the bundles stored on a Customs service')
      .option('-o, --output <format>', 'output format: table, json', 'table'),
  ).action(async (values: ServiceOptionValues & { output: string }) => {
    const format = viewFormat(values.output);
    const policies = await callService(() => serviceApi(values).listPolicies());
    process.stdout.write(format === 'json' ? json(policies) : policiesTable(policies));
  });
}
