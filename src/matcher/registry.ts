import { cpeMatcher } from './cpe/index.js';
import { distroMatcher } from './distro/index.js';
import { languageMatcher } from './language/index.js';
import { osOwnedMatcher } from './os-owned/index.js';
import type { Matcher } from './types.js';

/** Shared parts, not matchers: range evaluation and de-duplication, severity resolution. */
export const MATCHER_SUPPORT_FOLDERS: readonly string[] = ['affected', 'severity'];

/**
 * Every matcher, in one explicit list; the first that handles a package takes it. OS-owned
 * language packages come before the language matcher (distro data, not the ecosystem's).
 */
export const MATCHERS: readonly Matcher[] = [osOwnedMatcher, distroMatcher, languageMatcher, cpeMatcher];
