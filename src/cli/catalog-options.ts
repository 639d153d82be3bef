import { Option, type Command } from 'commander';
import type { CatalogOptions } from '../cataloger/types.js';
import { LinearRegExp, PatternSyntaxError } from '../pattern/index.js';
import { UsageError } from '../errors/index.js';

/** Options that shape what `sbom` (and later `scan`/`check`) collects inside an image. */
export function addCatalogOptions(command: Command): Command {
  return command
    .addOption(
      new Option('--files <which>', 'file inventory: notable (setuid/setgid/world-writable), all, none')
        .choices(['notable', 'all', 'none'])
        .default('notable'),
    )
    .option('--file-digests', 'sha256 of every inventoried file (always on for notable files)')
    .option(
      '--retrieve-file <glob>',
      'keep the content of matching files (repeatable; default /etc/passwd)',
      collect,
      [] as string[],
    )
    .option(
      '--content-search <name=regex>',
      'report files whose content matches a named regex (repeatable)',
      collect,
      [] as string[],
    )
    .option('--no-secrets', 'do not look for leaked secrets')
    .option(
      '--secrets-config <file>',
      'secret rules file (YAML or JSON): extra rules, allow rules, disabled rules',
    )
    .option('--secrets-all', 'look for secrets in vendor trees, binaries and large files too')
    .option('--malware', 'scan files with ClamAV (clamscan must be installed, with its database)')
    .option('--malware-db <path>', 'ClamAV signature database file or directory to use with --malware');
}

export interface CatalogOptionValues {
  files: 'notable' | 'all' | 'none';
  fileDigests?: boolean;
  retrieveFile: string[];
  contentSearch: string[];
  secrets: boolean;
  secretsConfig?: string;
  secretsAll?: boolean;
  malware?: boolean;
  malwareDb?: string;
}

export function catalogOptions(values: CatalogOptionValues): CatalogOptions {
  const options: CatalogOptions = {
    files: values.files,
    fileDigests: values.fileDigests ?? false,
    secrets: { enabled: values.secrets, scanAll: values.secretsAll ?? false },
    malware: values.malware ?? false,
  };
  if (values.malwareDb) options.malwareDatabase = values.malwareDb;
  if (values.secretsConfig) options.secrets!.rulesFile = values.secretsConfig;
  if (values.retrieveFile.length) options.retrieveFiles = values.retrieveFile;
  if (values.contentSearch.length) options.contentSearch = parseNamedRegexes(values.contentSearch);
  return options;
}

function parseNamedRegexes(values: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const value of values) {
    const eq = value.indexOf('=');
    if (eq <= 0) throw new UsageError(`--content-search ${value}: expected NAME=REGEX`);
    const name = value.slice(0, eq);
    const pattern = value.slice(eq + 1);
    try {
      new LinearRegExp(pattern);
    } catch (err) {
      if (!(err instanceof PatternSyntaxError)) throw err;
      throw new UsageError(`--content-search ${name}: invalid regex: ${err.message}`);
    }
    out[name] = pattern;
  }
  return out;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
