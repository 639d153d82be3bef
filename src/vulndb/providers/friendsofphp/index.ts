import type { FeedItem } from '../../model.js';
import type { FeedFile, FeedParser } from '../types.js';
import { PROVIDER, convertAdvisory } from './record.js';
import { readYamlFeed } from '../feed-document.js';

/** FriendsOfPHP security-advisories (`<vendor>/<package>/<id>.yaml`, `reference: composer://…`). */
export const friendsOfPhpParser: FeedParser = {
  name: PROVIDER,
  detect(file: FeedFile): boolean {
    if (!/\.ya?ml$/i.test(file.name)) return false;
    const head = file.content.subarray(0, 65536).toString('utf8');
    return /^reference:[ \t]*['"]?composer:\/\//m.test(head) && /^branches:/m.test(head);
  },
  *parse(file: FeedFile): Iterable<FeedItem> {
    const read = readYamlFeed(file);
    if (!read.ok) {
      yield read.rejected;
      return;
    }
    const doc = read.doc;
    yield convertAdvisory(doc, file.location, file.name.replace(/\.ya?ml$/i, ''));
  },
};
