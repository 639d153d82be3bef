import { packageUrl } from '../package-url.js';

/** One crate as a Cargo.lock or a cargo-auditable section lists it. */
export interface Crate {
  name: string;
  version: string;
  /** `registry+https://...`, `git+https://...#rev`, or for auditable data `crates.io`, `git`, `local`... */
  source?: string;
  checksum?: string;
  /** Indices into the same list of the crates this one depends on. */
  dependencies: number[];
  /** cargo-auditable: `runtime` or `build`. */
  kind?: string;
  /** cargo-auditable: the crate the binary was built from. */
  root?: boolean;
}

/** What parsing gives: crates plus problems that did not stop it, or why nothing could be read. */
export type CrateOutcome =
  { kind: 'crates'; crates: Crate[]; problems: string[] } | { kind: 'invalid'; message: string };

/** `pkg:cargo/name@version`. */
export function cargoPurl(name: string, version: string): string | undefined {
  return packageUrl('cargo', undefined, name, version || undefined);
}
