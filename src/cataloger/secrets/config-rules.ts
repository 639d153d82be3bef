import { LinearRegExp } from '../../pattern/index.js';
import type { SecretRule } from './secret-rule.js';

/**
 * Only for the image config (env, labels, history, commands), where a name says what a value
 * is: `ENV DB_PASSWORD=…`, `LABEL api_key=…`, `ARG NPM_TOKEN=…` seen in a `RUN` line. In files
 * such assignments are mostly code and examples, so the file rules do not include it.
 * Placeholders (empty, `$VAR`, `${VAR}`, `<…>`, `changeme`, asterisks) are not findings.
 */
export const CONFIG_ASSIGNMENT_RULE: SecretRule = {
  id: 'config-secret-assignment',
  category: 'Config',
  title: 'Secret-looking variable in the image config',
  severity: 'HIGH',
  keywords: ['passw', 'passphrase', 'pwd', 'secret', 'token', 'key', 'credential'],
  regex: new LinearRegExp(
    `(?i)\\b[A-Za-z0-9_.-]*(?:passw(?:or)?d|passphrase|pwd|secret|token|api[_.-]?key|access[_.-]?key|private[_.-]?key|credentials?)[A-Za-z0-9_.-]*=["']?(?P<secret>[^\\s"';&|]{4,256})`,
  ),
  allowRules: [
    {
      id: 'config-secret-placeholder',
      description: 'placeholders, variables, paths and masked values',
      regex: new LinearRegExp(
        '(?i)^(?:\\*+|x+|\\.+|changeme|none|null|false|true|[$%][({]?[A-Za-z0-9_]*[)}]?|<[^>]*>|\\{\\{[^}]*\\}\\}|/[^\\s]*|[0-9]{1,5})$',
      ),
    },
  ],
};
