import { listParam, stringParam } from '../../trigger-params/read-params.js';
import type { GateContext, BuiltinTrigger } from '../types.js';
import { dockerfileInstructions, hasActualDockerfile } from './instructions.js';
import { LIST_TYPES, listKind } from './list-type.js';

/**
 * The user the container runs as: the last USER of a supplied Dockerfile; otherwise the image
 * config's User, falling back to the reconstruction's last USER. No user means root. A
 * `user:group` value counts as its user part.
 */
export function effectiveUser(context: GateContext): string {
  const lastUser = (): string | undefined =>
    dockerfileInstructions(context)
      .filter((i) => i.instruction === 'USER')
      .map((i) => i.args)
      .at(-1);
  const configured = hasActualDockerfile(context)
    ? lastUser()
    : (context.sbom.image?.config.user ?? lastUser());
  const user = (configured ?? '').split(':')[0]?.trim() ?? '';
  return user === '' ? 'root' : user;
}

/** The user and, through the image's /etc/passwd, its other form (uid for a name, name for a uid). */
function userForms(context: GateContext, user: string): string[] {
  const forms = new Set([user]);
  const accounts = Array.isArray(context.sbom.users) ? context.sbom.users : [];
  const account = /^\d+$/.test(user)
    ? accounts.find((a) => a.uid === Number(user))
    : accounts.find((a) => a.name === user);
  if (account) {
    forms.add(account.name);
    forms.add(String(account.uid));
  }
  if (user === '0') forms.add('root');
  if (user === 'root') forms.add('0');
  return [...forms];
}

export const effectiveUserTrigger: BuiltinTrigger = {
  name: 'effective_user',
  description:
    "Checks the user the container runs as (last USER, root when none): fires when it is not in an allowlist or is in a denylist. Names and uids match each other through the image's /etc/passwd.",
  params: [
    { name: 'users', type: 'csv', required: true, description: 'User names or uids.' },
    {
      name: 'type',
      type: 'enum',
      required: true,
      values: LIST_TYPES,
      description:
        'whitelist (allowlist): fire unless the user is listed; blacklist (denylist): fire when it is.',
    },
  ],
  evaluate(context, params) {
    const kind = listKind(stringParam(params, 'type'));
    const users = listParam(params, 'users');
    if (!kind) return [];
    const user = effectiveUser(context);
    const listed = userForms(context, user).some((form) => users.includes(form));
    if ((kind === 'deny') !== listed) return [];
    return [
      {
        message:
          kind === 'deny'
            ? `The image runs as user ${user}, which is denied (${users.join(', ')})`
            : `The image runs as user ${user}, which is not among the allowed users (${users.join(', ')})`,
        identity: user,
      },
    ];
  },
};
