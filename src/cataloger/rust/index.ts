export { rustCataloger, wantsRustPath } from './rust-cataloger.js';
export { parseCargoLock } from './cargo-lock.js';
export { parseAuditableJson, readAuditableBinary, AUDITABLE_SECTION } from './auditable-section.js';
export { cargoPurl, type Crate, type CrateOutcome } from './crate.js';
