import type { Static } from '@sinclair/typebox';
import type {
  EvaluationResultSchema,
  FindingSchema,
  ImageSelectorSchema,
  MappingSchema,
  PolicyActionSchema,
} from '../schema/check-result.js';
import type { ParamValue } from './gates/types.js';

/** Anchore's actions, in precedence order STOP < WARN < GO. */
export type PolicyAction = Static<typeof PolicyActionSchema>;

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

export type ImageSelector = Static<typeof ImageSelectorSchema>;

/** A mapping once read: `policy_ids` (from `policy_id` too) and `allowlist_ids` (from `whitelist_ids` too). */
export type Mapping = Static<typeof MappingSchema>;

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

export type Finding = Static<typeof FindingSchema>;

/** The evaluation result, as `customs check -o json` writes it (schema in src/schema/check-result.ts). */
export type EvaluationResult = Static<typeof EvaluationResultSchema>;
