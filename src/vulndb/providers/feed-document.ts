import type { FeedItem } from '../model.js';
import { parseFeedYaml } from './feed-yaml.js';
import type { FeedFile } from './types.js';

/** A feed file's parsed document, or the one rejection that says it could not be read. */
export type FeedDocument = { ok: true; doc: unknown } | { ok: false; rejected: FeedItem };

function rejected(file: FeedFile, what: string, err: unknown): FeedDocument {
  const message = err instanceof Error ? err.message : String(err);
  return {
    ok: false,
    rejected: { kind: 'rejected', location: file.location, reason: `${what}: ${message.split('\n')[0]}` },
  };
}

/** The file as JSON; a file that is not JSON becomes one rejected item. */
export function readJsonFeed(file: FeedFile): FeedDocument {
  try {
    return { ok: true, doc: JSON.parse(file.content.toString('utf8')) };
  } catch (err) {
    return rejected(file, 'not valid JSON', err);
  }
}

/** The file as YAML (core schema); a file that is not YAML becomes one rejected item. */
export function readYamlFeed(file: FeedFile): FeedDocument {
  try {
    return { ok: true, doc: parseFeedYaml(file.content.toString('utf8')) };
  } catch (err) {
    return rejected(file, 'not YAML', err);
  }
}
