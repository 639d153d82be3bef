/** Directories rpm keeps its database in, and the database file names (one per backend). */
const DB_DIRS = ['/var/lib/rpm/', '/usr/lib/sysimage/rpm/', '/usr/share/rpm/'];
const DB_FILES = new Set(['Packages', 'Packages.db', 'rpmdb.sqlite']);

/** Whether `path` is an rpm database: `{/var/lib,/usr/lib/sysimage,/usr/share}/rpm/{Packages,Packages.db,rpmdb.sqlite}`. */
export function isRpmDbPath(path: string): boolean {
  const slash = path.lastIndexOf('/');
  if (!DB_FILES.has(path.slice(slash + 1))) return false;
  const dir = path.slice(0, slash + 1);
  return DB_DIRS.includes(dir);
}
