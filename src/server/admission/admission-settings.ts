/** What the webhook does when an image cannot be checked in time (or at all). */
export type FailureMode = 'fail-open' | 'fail-closed';

export const FAILURE_MODES: readonly FailureMode[] = ['fail-open', 'fail-closed'];

export interface AdmissionSettings {
  /**
   * How long one review may take, analysis of unseen images included; keep it under the
   * webhook's timeoutSeconds (10 s by default, 30 s at most) so the API server hears the answer.
   */
  deadlineMs: number;
  /** How often the store is read while an image's analysis runs. */
  pollMs: number;
}

export const DEFAULT_ADMISSION_SETTINGS: AdmissionSettings = { deadlineMs: 8000, pollMs: 200 };
