import path from 'node:path';
import { SourceFormatError } from '../../errors/index.js';
import { parseImageReference } from '../../source/reference/index.js';
import type { SourceOptions } from '../../source/types.js';
import { registryAddressRule } from '../services/registry-address-rule.js';
import { RegistryService } from '../services/registry-service.js';
import { sealContext } from '../services/seal-contexts.js';
import { uploadPath } from '../services/upload-path.js';
import type { ImageOrigin } from '../store/types.js';
import type { WorkerDeps } from './worker-deps.js';

/** A source reference for the library's use cases and how to open it. */
export interface ImageSource {
  source: string;
  options: SourceOptions;
}

/**
 * Where an image row says its image is: a registry reference (pulled with the credentials a
 * Harbor request sealed into the origin, else the account's registry credential, never the host's
 * docker config), or an uploaded archive in the data dir. An SBOM upload has no image to read.
 */
export async function imageSource(
  deps: WorkerDeps,
  accountId: string,
  digest: string,
  origin: ImageOrigin,
): Promise<ImageSource | undefined> {
  const dockerConfigPath = path.join(deps.dataDir, 'no-docker-config', 'config.json');
  if (origin.kind === 'sbom') return undefined;
  if (origin.kind === 'archive')
    return {
      source: `${origin.format}:${uploadPath(deps.dataDir, origin.uploadId)}`,
      options: { dockerConfigPath },
    };
  const host = parseImageReference(origin.reference).registry;
  const registries = new RegistryService(deps.store, deps.secretBox, deps.now ?? (() => new Date()));
  const { credentials, verifyTls } = origin.sealedCredentials
    ? {
        credentials: requestCredentials(
          deps,
          origin.sealedCredentials,
          sealContext.scanRequest(accountId, digest),
        ),
        verifyTls: true,
      }
    : await registries.credentialFor(accountId, host);
  const insecure = origin.insecure === true || !verifyTls || (deps.insecureRegistries ?? []).includes(host);
  return {
    source: `registry:${origin.reference}`,
    options: {
      dockerConfigPath,
      insecureRegistries: insecure ? [host] : [],
      addressRule: registryAddressRule(deps),
      ...(credentials ? { credentials } : {}),
    },
  };
}

function requestCredentials(
  deps: WorkerDeps,
  sealed: string,
  context: string,
): { username: string; password: string } {
  const value = JSON.parse(deps.secretBox.open(sealed, context)) as {
    username?: unknown;
    password?: unknown;
  };
  if (typeof value.username !== 'string' || typeof value.password !== 'string')
    throw new SourceFormatError('the credentials stored with the scan request are not a user and password');
  return { username: value.username, password: value.password };
}
