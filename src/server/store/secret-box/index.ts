export { createSecretBox, SecretBoxError, type SecretBox } from './secret-box.js';
export { loadSecretBox, loadSecretKey, DEFAULT_KEY_FILE_NAME, type SecretKeyOptions } from './secret-key.js';
export { isSealed } from './envelope.js';
