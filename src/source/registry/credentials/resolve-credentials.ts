import type { SourceOptions } from '../../types.js';
import { runCredentialHelper } from './credential-helper.js';
import {
  dockerConfigLocation,
  findConfigCredential,
  helperServerAddress,
  readDockerConfig,
} from './docker-config.js';

/** Credentials for one registry, as the auth code needs them. */
export type RegistryCredential =
  | { kind: 'basic'; username: string; password: string }
  | { kind: 'identity-token'; username?: string; token: string };

/** Docker credential helpers answer with this user name when the secret is an identity token. */
const IDENTITY_TOKEN_USERNAME = '<token>';

/**
 * Credentials for `registry` (the reference's registry: `docker.io`, `host:port`): explicit
 * options first, then the docker config (credHelpers, auths, credsStore). Undefined when none.
 */
export async function resolveRegistryCredential(
  registry: string,
  options: Pick<SourceOptions, 'credentials' | 'dockerConfigPath' | 'signal'>,
): Promise<RegistryCredential | undefined> {
  if (options.credentials) {
    return { kind: 'basic', username: options.credentials.username, password: options.credentials.password };
  }
  const path = dockerConfigLocation(options.dockerConfigPath);
  const config = await readDockerConfig(path);
  const found = findConfigCredential(config, registry, path);
  if (!found) return undefined;
  if (found.kind !== 'helper') return found;
  const fromHelper = await runCredentialHelper(found.helper, helperServerAddress(registry), options.signal);
  if (!fromHelper) return undefined;
  if (fromHelper.username === IDENTITY_TOKEN_USERNAME)
    return { kind: 'identity-token', token: fromHelper.secret };
  return { kind: 'basic', username: fromHelper.username, password: fromHelper.secret };
}
