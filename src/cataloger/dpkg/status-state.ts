/** The three words of dpkg's `Status:` field: selection, error flag, package state. */
export interface DpkgStatus {
  want: string;
  eflag: string;
  state: DpkgState;
}

export type DpkgState =
  | 'not-installed'
  | 'config-files'
  | 'half-installed'
  | 'unpacked'
  | 'half-configured'
  | 'triggers-awaited'
  | 'triggers-pending'
  | 'installed';

const STATES: ReadonlySet<string> = new Set<DpkgState>([
  'not-installed',
  'config-files',
  'half-installed',
  'unpacked',
  'half-configured',
  'triggers-awaited',
  'triggers-pending',
  'installed',
]);
const WANTS: ReadonlySet<string> = new Set(['unknown', 'install', 'hold', 'deinstall', 'purge']);
const EFLAGS: ReadonlySet<string> = new Set(['ok', 'reinstreq']);

/**
 * Parses a `Status:` value. `undefined` (no field) means `unknown ok not-installed`, as dpkg
 * reads it; `null` means a value dpkg itself would reject.
 */
export function parseDpkgStatus(value: string | undefined): DpkgStatus | null {
  if (value === undefined) return { want: 'unknown', eflag: 'ok', state: 'not-installed' };
  const words = value.trim().split(/\s+/);
  if (words.length !== 3) return null;
  const [want, eflag, state] = words as [string, string, string];
  if (!WANTS.has(want) || !EFLAGS.has(eflag) || !STATES.has(state)) return null;
  return { want, eflag, state: state as DpkgState };
}

/**
 * Whether the package's files are in the filesystem, so that the package is installed in the
 * sense a scanner needs. Only the state word counts, never the selection: `deinstall ok
 * installed` (selected for removal, not removed yet) still has every file on disk.
 *
 * `dpkg-query -W` lists more than this: every state but `not-installed`, `config-files`
 * included (checked against dpkg-query 1.21 for every want × eflag × state). A `config-files`
 * package (`rc` in `dpkg -l`) was removed: dpkg(1) says only its configuration files (and the
 * postrm script) are left, so its programs and libraries are gone and reporting it would
 * match vulnerabilities against code that is not in the image. `half-installed` and the
 * later states have some or all of the package's files unpacked, so they stay.
 */
export function hasFilesOnDisk(status: DpkgStatus): boolean {
  return status.state !== 'not-installed' && status.state !== 'config-files';
}

/** Whether dpkg accepts a paragraph in this state without a Version field. */
export function stateAllowsMissingVersion(status: DpkgStatus): boolean {
  return status.state === 'not-installed' || status.state === 'half-installed';
}
