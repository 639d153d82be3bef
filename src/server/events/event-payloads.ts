/**
 * What the service tells people about, by type (Anchore's notification types). An event belongs
 * to one account and is about one image (by digest) and, where it applies, one full tag; the
 * payload says what changed. Events are stored first (the store's events table), then fanned out
 * to the account's subscriptions.
 */
export type EventType = 'tag_update' | 'vuln_update' | 'policy_eval' | 'analysis_update';

export const EVENT_TYPES: readonly EventType[] = [
  'tag_update',
  'vuln_update',
  'policy_eval',
  'analysis_update',
];

/** A watched (or added) tag now points at another digest. */
export interface TagUpdatePayload {
  fullTag: string;
  digest: string;
  /** The digest the tag pointed at before; absent the first time the tag is seen. */
  previousDigest?: string;
}

/** One vulnerability of a vuln_update: a match of the image's latest scan. */
export interface VulnerabilityChange {
  vulnerabilityId: string;
  severity: string;
  packageName: string;
  packageVersion: string;
  packageType: string;
  fixVersions: string[];
  /** For an updated match: the fields that changed, each as [before, after]. */
  changed?: Record<string, [unknown, unknown]>;
}

/** New vulnerability data changed the matches of a stored image. */
export interface VulnUpdatePayload {
  digest: string;
  fullTags: string[];
  added: VulnerabilityChange[];
  removed: VulnerabilityChange[];
  updated: VulnerabilityChange[];
  /** The vulnerability data the new matches were computed against. */
  feedState: string;
}

/** A policy evaluation's final action differs from the previous one for the same image, tag and policy. */
export interface PolicyEvalPayload {
  digest: string;
  fullTag: string;
  policyId: string;
  /** Absent for the first evaluation. */
  previousAction?: string;
  action: string;
  evaluationId: string;
  feedState: string;
}

/** An image's analysis status changed. */
export interface AnalysisUpdatePayload {
  digest: string;
  status: string;
  previousStatus?: string;
  failureReason?: string;
}

export interface EventPayloads {
  tag_update: TagUpdatePayload;
  vuln_update: VulnUpdatePayload;
  policy_eval: PolicyEvalPayload;
  analysis_update: AnalysisUpdatePayload;
}

/** An event to record: its type, the account it is for, what it is about and its payload. */
export type NewEvent = {
  [T in EventType]: {
    type: T;
    accountId: string;
    digest?: string;
    fullTag?: string;
    payload: EventPayloads[T];
    at: string;
  };
}[EventType];

/** A recorded event: ids count up in the order events were recorded. */
export type EventRecord = NewEvent & { id: string };
