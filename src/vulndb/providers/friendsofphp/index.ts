import { parseFeedYaml as parseYaml } from '../feed-yaml.js';
import type { FeedItem } from '../../model.js';
import type { FeedFile, FeedParser } from '../types.js';
import { PROVIDER, convertAdvisory } from './record.js';

/** FriendsOfPHP security-advisories (`<vendor>/<package>/<id>.yaml`, `reference: composer://…`). */
export const friendsOfPhpParser: FeedParser = {
  name: PROVIDER,
  detect(file: FeedFile): boolean {
    if (!/\.ya?ml$/i.test(file.name)) return false;
    const head = file.content.subarray(0, 65536).toString('utf8');
    return /^reference:[ \t]*['"]?composer:\/\//m.test(head) && /^branches:/m.test(head);
  },
  *parse(file: FeedFile): Iterable<FeedItem> {
    let doc: unknown;
    try {
      doc = parseYaml(file.content.toString('utf8'));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      yield { kind: 'rejected', location: file.location, reason: `not YAML: ${message.split('\n')[0]}` };
      return;
    }
    yield convertAdvisory(doc, file.location, file.name.replace(/\.ya?ml$/i, ''));
  },
};
