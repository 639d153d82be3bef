import type { FeedItem } from '../../model.js';
import type { FeedFile, FeedParser } from '../types.js';
import { PROVIDER, convertAdvisory } from './record.js';
import { readYamlFeed } from '../feed-document.js';

/** ruby-advisory-db (https://github.com/rubysec/ruby-advisory-db): `gems/<gem>/<id>.yml`. */
export const rubysecParser: FeedParser = {
  name: PROVIDER,
  detect(file: FeedFile): boolean {
    if (!/\.ya?ml$/i.test(file.name)) return false;
    const head = file.content.subarray(0, 65536).toString('utf8');
    return /^gem:[ \t]*\S/m.test(head) && /^(patched_versions|unaffected_versions|cve|ghsa|url):/m.test(head);
  },
  *parse(file: FeedFile): Iterable<FeedItem> {
    const read = readYamlFeed(file);
    if (!read.ok) {
      yield read.rejected;
      return;
    }
    const doc = read.doc;
    yield convertAdvisory(doc, file.location);
  },
};
