/** What the scap gate reads of one evaluation of SCAP content against the image. */
export interface ScapGateEvaluation {
  /** The rules the profile selected, with their results. */
  rules: { id: string; title: string; severity: string; result: string }[];
}

/** Evaluations by scapKey(content, profile): the analysis runs one per pair the bundle's rules name. */
export type ScapGateResults = ReadonlyMap<string, ScapGateEvaluation>;

/** The key of an evaluation of `content` under `profile` (none: the benchmark's defaults). */
export function scapKey(content: string, profile: string | undefined): string {
  return `${content}\u0000${profile ?? ''}`;
}
