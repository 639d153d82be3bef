import { type Static, Type } from '@sinclair/typebox';
import { PACKAGE_TYPE_NAMES, PackageTypeSchema } from './sbom-parts.js';
import { FixStateSchema } from './vulnerability.js';

/**
 * An ignore file (`--ignore`, YAML or JSON): `ignore:` followed by a list of rules, or the list
 * alone. Every field a rule gives must match; it gives at least one of vulnerability, package
 * and fix-state (checked by src/scan/ignore, as are real dates).
 */

const RULE_KEYS = 'vulnerability, package, fix-state, expires, reason';
const PACKAGE_KEYS = 'name, version, type, location';
const FIX_STATES = 'fixed, not-fixed, wont-fix, not-affected';

/** Text (a number is taken as written). */
const text = (description: string) =>
  Type.Union([Type.String({ pattern: '\\S' }), Type.Number()], {
    description,
    problem: '{path}: expected a non-empty text',
  });

export const IgnorePackageSchema = Type.Object(
  {
    name: Type.Optional(text('The package name.')),
    version: Type.Optional(text('The installed version.')),
    type: Type.Optional(
      Type.Union([PackageTypeSchema], {
        problem: `package type "{value}" is not one of ${PACKAGE_TYPE_NAMES.join(', ')}`,
      }),
    ),
    location: Type.Optional(text('A glob over the paths the package was found at (/usr/lib/**).')),
  },
  {
    additionalProperties: Type.Never({ problem: `unknown package key "{key}" (use ${PACKAGE_KEYS})` }),
    problem: 'package must be a mapping',
  },
);

export const IgnoreRuleSchema = Type.Object(
  {
    vulnerability: Type.Optional(
      text('A vulnerability id; also matches a match that lists it among its aliases.'),
    ),
    package: Type.Optional(IgnorePackageSchema),
    'fix-state': Type.Optional(
      Type.Union([FixStateSchema], { problem: `fix-state "{value}" is not one of ${FIX_STATES}` }),
    ),
    expires: Type.Optional(
      Type.String({
        pattern: '^\\s*\\d{4}-\\d{2}-\\d{2}\\s*$',
        description: 'YYYY-MM-DD: the rule ignores through that day (UTC), and warns after.',
        problem: 'expires "{value}" is not a date (YYYY-MM-DD)',
      }),
    ),
    reason: Type.Optional(text('Why the match is ignored: shown in reports.')),
  },
  {
    additionalProperties: Type.Never({ problem: `unknown key "{key}" (use ${RULE_KEYS})` }),
    problem: 'a rule must be a mapping',
  },
);

export const IgnoreRulesSchema = Type.Array(IgnoreRuleSchema);

export const IgnoreFileSchema = Type.Union([IgnoreRulesSchema, Type.Object({ ignore: IgnoreRulesSchema })], {
  title: 'Customs ignore file',
});

export type IgnoreRuleDocument = Static<typeof IgnoreRuleSchema>;
