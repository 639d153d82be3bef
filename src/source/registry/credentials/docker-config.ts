import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { RegistryError } from '../../../errors/index.js';

/** What a docker config.json can hold for one registry. */
export type ConfigCredential =
  | { kind: 'basic'; username: string; password: string }
  | { kind: 'identity-token'; username?: string; token: string }
  | { kind: 'helper'; helper: string };

interface AuthEntry {
  auth?: string;
  username?: string;
  password?: string;
  identitytoken?: string;
}

interface DockerConfigFile {
  auths?: Record<string, AuthEntry>;
  credHelpers?: Record<string, string>;
  credsStore?: string;
}

/** The server address docker uses for Docker Hub in config files and with credential helpers. */
export const DOCKER_HUB_SERVER_ADDRESS = 'https://index.docker.io/v1/';
const DOCKER_HUB_ALIASES = ['docker.io', 'index.docker.io', 'registry-1.docker.io'];

/** Where the docker config lives: the explicit path, `$DOCKER_CONFIG/config.json` or `~/.docker/config.json`. */
export function dockerConfigLocation(explicitPath?: string): string {
  if (explicitPath) return explicitPath;
  const dir = process.env['DOCKER_CONFIG'];
  if (dir) return join(dir, 'config.json');
  return join(homedir(), '.docker', 'config.json');
}

/** Reads a docker config; a file that does not exist is an empty config. */
export async function readDockerConfig(path: string): Promise<DockerConfigFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new RegistryError('credentials', `cannot read docker config ${path}: ${(err as Error).message}`, {
      cause: err,
    });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new RegistryError('credentials', `docker config ${path} is not valid JSON`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new RegistryError('credentials', `docker config ${path} is not a JSON object`);
  }
  return parsed as DockerConfigFile;
}

/** Strips a scheme and a path from a config key: `https://host:5000/v1/` → `host:5000`. */
export function configKeyHost(key: string): string {
  let host = key.trim();
  const scheme = host.indexOf('://');
  if (scheme !== -1) host = host.slice(scheme + 3);
  const slash = host.indexOf('/');
  if (slash !== -1) host = host.slice(0, slash);
  return host.toLowerCase();
}

function isDockerHub(host: string): boolean {
  return DOCKER_HUB_ALIASES.includes(host.toLowerCase());
}

function sameRegistry(key: string, registry: string): boolean {
  const host = configKeyHost(key);
  if (isDockerHub(registry)) return isDockerHub(host);
  return host === registry.toLowerCase();
}

/** The server name docker passes to credential helpers for a registry. */
export function helperServerAddress(registry: string): string {
  return isDockerHub(registry) ? DOCKER_HUB_SERVER_ADDRESS : registry;
}

/**
 * Finds how the config provides credentials for `registry` (the reference's registry, e.g.
 * `docker.io` or `127.0.0.1:5000`): credHelpers first, then an `auths` entry, then credsStore.
 */
export function findConfigCredential(
  config: DockerConfigFile,
  registry: string,
  configPath: string,
): ConfigCredential | undefined {
  for (const [key, helper] of Object.entries(config.credHelpers ?? {})) {
    if (typeof helper === 'string' && helper !== '' && sameRegistry(key, registry)) {
      return { kind: 'helper', helper };
    }
  }
  const auths = config.auths ?? {};
  const key = Object.keys(auths).find((k) => sameRegistry(k, registry));
  if (key !== undefined) {
    const entry = auths[key] ?? {};
    const fromEntry = credentialFromEntry(entry, key, configPath);
    if (fromEntry) return fromEntry;
  }
  if (typeof config.credsStore === 'string' && config.credsStore !== '') {
    return { kind: 'helper', helper: config.credsStore };
  }
  return undefined;
}

function credentialFromEntry(
  entry: AuthEntry,
  key: string,
  configPath: string,
): ConfigCredential | undefined {
  let username = entry.username;
  let password = entry.password;
  if (typeof entry.auth === 'string' && entry.auth !== '') {
    const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon <= 0) {
      throw new RegistryError(
        'credentials',
        `docker config ${configPath}: the "auth" value for ${key} is not base64 of user:password`,
      );
    }
    username = decoded.slice(0, colon);
    password = decoded.slice(colon + 1);
  }
  if (typeof entry.identitytoken === 'string' && entry.identitytoken !== '') {
    return username
      ? { kind: 'identity-token', username, token: entry.identitytoken }
      : { kind: 'identity-token', token: entry.identitytoken };
  }
  if (typeof username === 'string' && username !== '' && typeof password === 'string') {
    return { kind: 'basic', username, password };
  }
  return undefined;
}
