/** What a database reader got out of an rpm database: header blobs, and what it could not read. */
export interface DbBlobs {
  blobs: Buffer[];
  problems: string[];
}

export class RpmDbError extends Error {
  override readonly name = 'RpmDbError';
}
