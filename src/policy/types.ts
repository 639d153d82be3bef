import type { ParamValue } from './gates/types.js';

/** Anchore's actions, in precedence order STOP < WARN < GO. */
export type PolicyAction = 'stop' | 'warn' | 'go';

/** A rule as written in a bundle (Anchore 1_0). */
export interface PolicyRule {
  /** A rule without an id in the bundle gets `<policy id>:rule-<n>` (n counts from 1). */
  id: string;
  /** Canonical gate and trigger names once validated (as written when unknown). */
  gate: string;
  trigger: string;
  /** `stop`, `warn` or `go` once validated (as written when invalid). */
  action: string;
  /** Canonical parameter names (aliases resolved), values as written. */
  params: { name: string; value: string }[];
  /** Typed parameter values keyed by canonical name, defaults filled in; set by parseBundle. */
  values?: Readonly<Record<string, ParamValue>>;
}

export interface Policy {
  id: string;
  version: string;
  name?: string;
  comment?: string;
  rules: PolicyRule[];
}

export interface AllowlistItem {
  id: string;
  gate: string;
  trigger_id: string;
  /** RFC 3339; after it the item no longer allowlists. */
  expires_on?: string;
}

export interface Allowlist {
  id: string;
  version: string;
  name?: string;
  comment?: string;
  items: AllowlistItem[];
}

export interface ImageSelector {
  id?: string;
  name?: string;
  registry: string;
  repository: string;
  image: { type: 'tag' | 'digest' | 'id'; value: string };
}

export interface Mapping extends ImageSelector {
  policy_ids: string[];
  /** Accepted as `whitelist_ids` too. */
  allowlist_ids: string[];
}

/** A bundle after loading: `whitelists`/`allowlists` and the image lists under one spelling. */
export interface PolicyBundle {
  id: string;
  version: string;
  name?: string;
  comment?: string;
  policies: Policy[];
  allowlists: Allowlist[];
  mappings: Mapping[];
  allowedImages: ImageSelector[];
  deniedImages: ImageSelector[];
  /** Customs extensions: what to do with an image no mapping covers, grade thresholds. */
  noMappingAction?: PolicyAction;
  grade?: GradeThresholds;
}

/** Days a critical/important fix may be missing before the grade drops (A best … F worst). */
export interface GradeThresholds {
  /** Upper bounds in days for B, C, D, E; beyond the last is F. */
  days: [number, number, number, number];
  /** Severities that count ("critical", "high" by default). */
  severities: string[];
}

/** One validation problem: where in the document, what is wrong, and the value found. */
export interface BundleProblem {
  /** JSON path, e.g. `$.policies[0].rules[2].params[1].value`. */
  path: string;
  message: string;
  value?: unknown;
}

export interface Finding {
  gate: string;
  trigger: string;
  triggerId: string;
  message: string;
  /** The effective action: the rule's, or `go` when allowlisted. */
  action: PolicyAction;
  /** The rule's own action before allowlisting. */
  ruleAction: PolicyAction;
  allowlisted: false | { allowlistId: string; allowlistName?: string; itemId: string; expiresOn?: string };
  policyId: string;
  ruleId: string;
}

export interface EvaluationResult {
  finalAction: PolicyAction;
  finalActionReason:
    'policy_evaluation' | 'allowed_image' | 'denied_image' | 'no_mapping' | 'evaluation_error';
  status: 'pass' | 'fail';
  matchedMapping: Mapping | false;
  matchedAllowedImage: ImageSelector | false;
  matchedDeniedImage: ImageSelector | false;
  /** The image tag evaluated, normalised (`docker.io/library/nginx:latest`). */
  tag: string;
  /** The source as the user named it (`oci-dir:app:1`, `registry:…`), from the SBOM. */
  sourceReference?: string;
  imageDigest?: string;
  findings: Finding[];
  /** Health grade A–F with the reason. */
  grade?: { grade: 'A' | 'B' | 'C' | 'D' | 'E' | 'F'; reason: string };
  /** Expired allowlist items, EOL gates used, gates that lacked data. */
  problems: { severity: 'warn' | 'error'; type: string; details: string }[];
  bundle: { id: string; name?: string };
  evaluatedAt: string;
}
