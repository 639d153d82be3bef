import type { Sbom } from '../../model/sbom.js';
import type { ScanReport } from '../../scan/types.js';
import type { ImageVerification } from '../../signature/types.js';
import type { GradeThresholds } from '../types.js';
import type { ScapGateResults } from './scap/scap-results.js';

/**
 * Parameter types of the Anchore 1_0 bundle format (every value arrives as a string):
 * `str`, `enum` (exact, case-sensitive), `bool` ("true"/"false", any case), `int`, `float`,
 * `csv` (comma-separated; Anchore also accepts `|`), `csv-int`, `regex` (must compile),
 * `octal` (file modes such as 4755), `size` (`N[kb|mb|gb|tb]`, 1024-based).
 */
export type ParamType =
  'str' | 'enum' | 'bool' | 'int' | 'float' | 'csv' | 'csv-int' | 'regex' | 'octal' | 'size';

export interface ParamSpec {
  /** Matched case-insensitively, as Anchore does. */
  name: string;
  type: ParamType;
  required?: boolean;
  /** For enums: the allowed values; for csv: the values each item must be one of. */
  values?: readonly string[];
  /** Older names that mean the same parameter (`usernameblacklist` for `user_names`). */
  aliases?: readonly string[];
  default?: string;
  description: string;
}

/** A parameter value after validation: typed by its ParamType. */
export type ParamValue = string | boolean | number | string[] | number[] | RegExp;

/** What a trigger sees: the image's analysis, its vulnerability scan when one ran, and now. */
export interface GateContext {
  sbom: Sbom;
  /** The vulnerability scan of the same image; absent when the database is unavailable. */
  scan?: ScanReport;
  /**
   * The previous image of the same tag (`check --previous`; in the service, the digest the tag
   * pointed to before), for the drift gate; absent when there is none.
   */
  previous?: { sbom: Sbom; scan?: ScanReport };
  /** The Dockerfile the user supplied (`--dockerfile`); absent means only the history's reconstruction. */
  dockerfile?: string;
  now: Date;
  /** The bundle's grade thresholds (`grade` extension); the defaults when absent. */
  gradeThresholds?: GradeThresholds;
  /** The caller's cancellation; a trigger that waits on something (a plugin) stops on it. */
  signal?: AbortSignal;
  /** The image's signature verification (computed when the bundle uses the `signature` gate). */
  signatures?: ImageVerification;
  /** SCAP evaluations of the image, one per (content, profile) the bundle's scap rules name. */
  scap?: ScapGateResults;
}

/** One firing of a trigger. */
export interface Firing {
  message: string;
  /**
   * What the firing is about, stable across wording changes (a path, a user, `CVE-1+openssl`):
   * the trigger id is a hash of gate, trigger and this, unless `triggerId` is set.
   */
  identity: string;
  /** An explicit trigger id (vulnerabilities use `<vuln id>+<package key>`, as Anchore does). */
  triggerId?: string;
}

export type TriggerResult = Firing[] | Promise<Firing[]>;

export interface TriggerSpec<Result extends TriggerResult = TriggerResult> {
  name: string;
  description: string;
  params: readonly ParamSpec[];
  /**
   * Never throws on odd image data: a trigger that cannot decide returns no firings. A trigger
   * that waits on something (a plugin process) returns a promise; the evaluator awaits it.
   */
  evaluate(context: GateContext, params: Readonly<Record<string, ParamValue>>): Result;
}

export interface GateSpec<Trigger extends TriggerSpec = TriggerSpec> {
  name: string;
  description: string;
  /** `eol` gates are refused by validation and are a no-op with a problem at evaluation. */
  state: 'active' | 'deprecated' | 'eol';
  triggers: readonly Trigger[];
}

/** Customs' own triggers decide from the data in hand: synchronously. */
export type BuiltinTrigger = TriggerSpec<Firing[]>;
export type BuiltinGate = GateSpec<BuiltinTrigger>;
