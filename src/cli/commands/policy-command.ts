import { Command } from 'commander';
import { UsageError } from '../../errors/index.js';
import type { BundleProblem } from '../../policy/types.js';
import { addPolicyServiceCommands } from './policy-service-commands.js';

const SPEC_FORMATS = ['table', 'json'];
const MAX_VALUE_CHARS = 120;

export function policyCommand(): Command {
  const command = new Command('policy').description(
    'check policy bundles and list the gates they can use; add, activate and list them on a Customs service',
  );
  // Subcommands get the error handling main set on this command.
  command.hook('preSubcommand', (parent, sub) => {
    sub.copyInheritedSettings(parent);
  });
  command
    .command('validate')
    .description('check an Anchore 1_0 policy bundle (JSON or YAML); list every problem with its path')
    .argument('<file>', 'policy bundle file')
    .action(async (file: string) => {
      // Loaded on use: the gate registry is only needed by policy commands.
      const { loadBundle } = await import('../../policy/bundle/index.js');
      const { bundle, problems } = await loadBundle(file);
      if (problems.length === 0) {
        const rules = bundle.policies.reduce((n, p) => n + p.rules.length, 0);
        process.stdout.write(
          `${file}: valid (${count(bundle.policies.length, 'policy', 'policies')}, ${count(rules, 'rule')}, ` +
            `${count(bundle.mappings.length, 'mapping')})\n`,
        );
        return;
      }
      process.stdout.write(problems.map(problemLine).join(''));
      process.stderr.write(
        `customs: ${file} is not a valid policy bundle: ${count(problems.length, 'problem')}\n`,
      );
      process.exitCode = 1;
    });
  command
    .command('spec')
    .description('describe every gate, trigger and parameter a bundle may use')
    .option('-o, --output <format>', `output format: ${SPEC_FORMATS.join(', ')}`, 'table')
    .action(async (values: { output: string }) => {
      if (!SPEC_FORMATS.includes(values.output)) {
        throw new UsageError(
          `unknown output format "${values.output}" (choose from ${SPEC_FORMATS.join(', ')})`,
        );
      }
      const { policySpec, specTable } = await import('../../policy/spec/index.js');
      const spec = policySpec();
      process.stdout.write(values.output === 'json' ? `${JSON.stringify(spec, null, 2)}\n` : specTable(spec));
    });
  addPolicyServiceCommands(command);
  return command;
}

/** `PATH: message (value)`, the value as JSON, shortened when long. */
function problemLine(problem: BundleProblem): string {
  if (problem.value === undefined) return `${problem.path}: ${problem.message}\n`;
  let value = JSON.stringify(problem.value) ?? String(problem.value);
  if (value.length > MAX_VALUE_CHARS) value = `${value.slice(0, MAX_VALUE_CHARS - 1)}…`;
  return `${problem.path}: ${problem.message} (${value})\n`;
}

function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}
