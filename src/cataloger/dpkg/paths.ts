/** Where dpkg keeps its database inside an image. */
export const DPKG_STATUS = '/var/lib/dpkg/status';
export const DPKG_STATUS_D = '/var/lib/dpkg/status.d/';
export const DPKG_INFO = '/var/lib/dpkg/info/';

/** A distroless status.d entry: a direct child of status.d that is not an md5sums list. */
export function isStatusDEntry(path: string): boolean {
  return (
    path.startsWith(DPKG_STATUS_D) && !path.includes('/', DPKG_STATUS_D.length) && !path.endsWith('.md5sums')
  );
}

/** A file list dpkg keeps per package: `info/<pkg>[:<arch>].list|.md5sums`, `status.d/<x>.md5sums`. */
export function isOwnedFileList(path: string): boolean {
  if (path.startsWith(DPKG_INFO) && !path.includes('/', DPKG_INFO.length)) {
    return path.endsWith('.list') || path.endsWith('.md5sums');
  }
  return (
    path.startsWith(DPKG_STATUS_D) && !path.includes('/', DPKG_STATUS_D.length) && path.endsWith('.md5sums')
  );
}

/** Cheap path test for the dpkg cataloger: status, status.d entries and per-package file lists. */
export function wantsDpkgPath(path: string): boolean {
  return path === DPKG_STATUS || isStatusDEntry(path) || isOwnedFileList(path);
}
