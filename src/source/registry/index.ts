export { openRegistryImage } from './open-registry-image.js';
export { RegistryClient, isInsecure, type RegistryClientOptions } from './registry-client.js';
export { parseAuthChallenges, pickChallenge, type AuthChallenge } from './auth-challenge.js';
export { resolveRegistryCredential, type RegistryCredential } from './credentials/resolve-credentials.js';
export { MANIFEST_ACCEPT } from './manifest-fetch.js';
export type { TransportTimeouts } from './http-transport.js';
export {
  DEFAULT_REGISTRY_LIMITS,
  registryLimitsFromEnv,
  resolveRegistryLimits,
  type RegistryLimits,
} from './registry-limits.js';
