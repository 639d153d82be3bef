/**
 * One file of a source could not be read (permissions, vanished). Not fatal: the resolver
 * records it against the file and the scan goes on.
 */
export class UnreadableFileError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: cannot be read (${reason})`);
    this.name = 'UnreadableFileError';
  }
}
