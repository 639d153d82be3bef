export { verifyImageSignatures, type VerifyImageOptions } from './verify-image.js';
export { unverifiedImage } from './unverified-image.js';
export { loadTrustedKeys, parseTrustedKey, describeKey, type KeySource } from './trusted-keys.js';
export { artifactTag } from './artifact-fetch.js';
export { preAuthEncoding, DSSE_MEDIA_TYPE, IN_TOTO_PAYLOAD_TYPE } from './dsse.js';
export { SIMPLE_SIGNING_MEDIA_TYPE, SIGNATURE_ANNOTATION } from './check-signature.js';
export { SIMPLE_SIGNING_TYPE } from './simple-signing.js';
export { VERIFY_FORMATS, verifyReport } from './report/index.js';
export type * from './types.js';
