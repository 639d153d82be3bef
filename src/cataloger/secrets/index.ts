export {
  createSecretsCataloger,
  secretsSetup,
  SECRETS_CATALOGER,
  type SecretsSetup,
} from './secrets-cataloger.js';
export { BUILTIN_RULES } from './builtin-rules.js';
export { BUILTIN_ALLOW_RULES } from './builtin-allow-rules.js';
export { loadSecretRulesFile, compileRuleRegex, type SecretRulesConfig } from './rules-file.js';
export { KeywordIndex } from './keyword-index.js';
export { scanText, type SecretScanner } from './scan-text.js';
export { redactLine, MAX_MATCH_CHARS } from './redact.js';
export type { SecretRule, AllowRule, Severity } from './secret-rule.js';
export { findConfigSecrets, type ConfigSecrets } from './config-secrets.js';
export { CONFIG_ASSIGNMENT_RULE } from './config-rules.js';
