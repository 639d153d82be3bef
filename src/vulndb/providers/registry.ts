import { alpineSecdbParser } from './alpine-secdb/index.js';
import { debianDsaParser, debianTrackerParser } from './debian/index.js';
import { epssParser } from './epss/index.js';
import { friendsOfPhpParser } from './friendsofphp/index.js';
import { kevParser } from './kev/index.js';
import { npmSecurityWgParser } from './npm-security-wg/index.js';
import { nvdParser } from './nvd/index.js';
import { osvParser } from './osv/index.js';
import { redhatCsafParser } from './redhat/index.js';
import { rubysecParser } from './rubysec/index.js';
import type { FeedParser } from './types.js';

/**
 * Every feed format, in the order the importer offers files to them: the first whose `detect`
 * claims a file parses it, so the formats with the narrowest signature (file names, exact keys)
 * come first and the broad ones (any YAML, any OSV-shaped JSON) last.
 */
export const FEED_PARSERS: readonly FeedParser[] = [
  epssParser,
  kevParser,
  nvdParser,
  redhatCsafParser,
  debianDsaParser,
  debianTrackerParser,
  alpineSecdbParser,
  npmSecurityWgParser,
  friendsOfPhpParser,
  rubysecParser,
  osvParser,
];

export function feedParser(name: string): FeedParser | undefined {
  return FEED_PARSERS.find((p) => p.name === name);
}
