/** A credential found in a file. The secret itself is never kept: only its redacted form. */
export interface SecretFinding {
  ruleId: string;
  category: string;
  title: string;
  severity: 'CRITICAL' | 'HIGH' | 'MEDIUM' | 'LOW';
  path: string;
  layer?: string;
  layerIndex?: number;
  /** 1-based line number. */
  line: number;
  /** The matching line with the secret replaced by asterisks, at most 160 characters. */
  match: string;
}
