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
 * Whether `dpkg-query -W` (no pattern) lists a package in this state. Checked against dpkg-query
 * 1.21 for every want × eflag × state: the want and the error flag never matter, only the state,
 * and every state but `not-installed` is listed (config-files and half-installed included).
 */
export function isListedByDpkgQuery(status: DpkgStatus): boolean {
  return status.state !== 'not-installed';
}

/** Whether dpkg accepts a paragraph in this state without a Version field. */
export function stateAllowsMissingVersion(status: DpkgStatus): boolean {
  return status.state === 'not-installed' || status.state === 'half-installed';
}
