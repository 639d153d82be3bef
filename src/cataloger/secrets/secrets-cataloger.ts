import type { SecretFinding } from '../../model/secret.js';
import type { FileRecord } from '../../resolver/file-view.js';
import { looksBinary, MAX_TEXT_SEARCH_BYTES } from '../files/text-content.js';
import { osOwnedFiles } from '../os-owned-files.js';
import type { CatalogContext, CatalogOptions, CatalogResult, Cataloger, FileHeader } from '../types.js';
import { BUILTIN_ALLOW_RULES } from './builtin-allow-rules.js';
import { BUILTIN_RULES } from './builtin-rules.js';
import { KeywordIndex } from './keyword-index.js';
import { loadSecretRulesFile } from './rules-file.js';
import { scanText, type SecretScanner } from './scan-text.js';
import { pathAllowed, type AllowRule, type SecretRule } from './secret-rule.js';

export const SECRETS_CATALOGER = 'secrets';

export interface SecretsSetup {
  rules: SecretRule[];
  /** Allow rules that apply to every rule (built-in ones unless scanAll, plus the user's). */
  allowRules: AllowRule[];
  scanAll: boolean;
}

/** The rules and allow rules the options ask for (reads the user's rules file, if any). */
export function secretsSetup(options: CatalogOptions): SecretsSetup {
  const scanAll = options.secrets?.scanAll === true;
  const file = options.secrets?.rulesFile;
  const user = file ? loadSecretRulesFile(file) : undefined;
  const disabled = new Set(user?.disableRules ?? []);
  const enabledBuiltins = user?.enableBuiltinRules ? new Set(user.enableBuiltinRules) : undefined;
  const builtins = BUILTIN_RULES.filter((r) => !enabledBuiltins || enabledBuiltins.has(r.id));
  const rules = [...builtins, ...(user?.rules ?? [])].filter((r) => !disabled.has(r.id));
  const disabledAllow = new Set(user?.disableAllowRules ?? []);
  const allowRules = [...(scanAll ? [] : BUILTIN_ALLOW_RULES), ...(user?.allowRules ?? [])].filter(
    (r) => !disabledAllow.has(r.id),
  );
  return { rules, allowRules, scanAll };
}

/**
 * Secrets in text files: every candidate file streams by `inspect` once; only redacted findings
 * are kept. Skips binaries, files over 10 MiB and vendor/doc trees unless `secrets.scanAll`.
 * Throws a UsageError at creation when the user's rules file is bad.
 */
export function createSecretsCataloger(options: CatalogOptions = {}): Cataloger {
  const enabled = options.secrets?.enabled !== false;
  const setup = secretsSetup(options);
  const scanner: SecretScanner = {
    index: new KeywordIndex(setup.rules),
    allowRules: setup.allowRules,
    scanningRegex: new Map(),
  };
  return {
    name: SECRETS_CATALOGER,
    version: 1,
    wants: () => false,
    wantsInspect: (header: FileHeader) =>
      enabled &&
      setup.rules.length > 0 &&
      header.size > 0 &&
      (setup.scanAll || header.size <= MAX_TEXT_SEARCH_BYTES) &&
      !pathAllowed(header.path, setup.allowRules),
    inspect: (record: FileRecord, content: Buffer) => {
      if (!setup.scanAll && looksBinary(content)) return undefined;
      const findings = scanText(scanner, record, content.toString('latin1'));
      return findings.length > 0 ? findings : undefined;
    },
    catalog: (context) => catalogSecrets(context, setup.scanAll),
  };
}

/**
 * Findings of the records in the chosen scope: squashed shows only files still visible. Files an
 * OS package installed (the distro's own code and docs, full of example URLs and test keys) are
 * left out unless `scanAll`: a secret there is the distro's, not the image builder's.
 */
function catalogSecrets(context: CatalogContext, scanAll: boolean): CatalogResult {
  const distroFiles = scanAll ? new Map() : osOwnedFiles(context.packagesSoFar);
  const paths = new Set<string>();
  for (const [record, result] of context.inspections)
    if (Array.isArray(result) && !distroFiles.has(record.path)) paths.add(record.path);
  const secrets: SecretFinding[] = [];
  if (paths.size > 0) {
    for (const record of context.files.find((p) => paths.has(p))) {
      const result = context.inspections.get(record);
      if (Array.isArray(result)) secrets.push(...(result as SecretFinding[]));
    }
  }
  return { packages: [], unknowns: [], secrets };
}
