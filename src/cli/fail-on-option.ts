import { Option } from 'commander';
import { FAIL_ON_SEVERITIES } from '../scan/index.js';
import { EXIT_FAIL_ON } from './exit-codes.js';

/** `--fail-on SEVERITY` of the vulnerability reports (`scan`, `image vuln`). */
export function failOnOption(): Option {
  return new Option(
    '--fail-on <severity>',
    `exit 2 when a match at or above it remains (${FAIL_ON_SEVERITIES.join(', ')})`,
  );
}

/** Says how many matches are at or above --fail-on and sets the exit code, when any are. */
export function reportFailOn(failing: number, failOn: string | undefined): void {
  if (failing === 0) return;
  process.stderr.write(
    `customs: ${failing} ${failing === 1 ? 'vulnerability' : 'vulnerabilities'} at or above ${failOn} (--fail-on ${failOn})\n`,
  );
  process.exitCode = EXIT_FAIL_ON;
}
