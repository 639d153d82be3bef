// Builds small layer tarballs with exact entry names (tar-stream pack).
import tarStream from 'tar-stream';

const MTIME = new Date('2024-06-01T00:00:00Z');

/**
 * @typedef {{ name: string, type?: 'file' | 'directory' | 'symlink', content?: string | Buffer,
 *   linkname?: string, mode?: number, uid?: number, gid?: number }} TarEntry
 */

/**
 * Packs entries into an uncompressed tar, in the given order.
 * @param {TarEntry[]} entries
 * @returns {Promise<Buffer>}
 */
export function makeTar(entries) {
  return new Promise((resolve, reject) => {
    const pack = tarStream.pack();
    const chunks = [];
    pack.on('data', (c) => chunks.push(c));
    pack.on('error', reject);
    pack.on('end', () => resolve(Buffer.concat(chunks)));
    const addNext = (i) => {
      if (i >= entries.length) {
        pack.finalize();
        return;
      }
      const e = entries[i];
      const type = e.type ?? 'file';
      const header = {
        name: e.name,
        type,
        mode: e.mode ?? (type === 'directory' ? 0o755 : type === 'symlink' ? 0o777 : 0o644),
        uid: e.uid ?? 0,
        gid: e.gid ?? 0,
        uname: 'root',
        gname: 'root',
        mtime: MTIME,
      };
      if (type === 'symlink') header.linkname = e.linkname;
      const body = type === 'file' ? Buffer.from(e.content ?? '') : undefined;
      pack.entry(header, body, (err) => (err ? reject(err) : addNext(i + 1)));
    };
    addNext(0);
  });
}

/** Directory entries for every parent of `p` (e.g. 'etc/customs/x' → ['etc/', 'etc/customs/']). */
export function parentDirs(p) {
  const parts = p.split('/').slice(0, -1);
  return parts.map((_, i) => ({
    name: `${parts.slice(0, i + 1).join('/')}/`,
    type: /** @type {const} */ ('directory'),
  }));
}
