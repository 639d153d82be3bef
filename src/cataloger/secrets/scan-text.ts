import type { SecretFinding } from '../../model/secret.js';
import type { KeywordIndex } from './keyword-index.js';
import { redactLine } from './redact.js';
import { scanningRegExp, secretAllowed, type AllowRule, type SecretRule } from './secret-rule.js';

/** At most this many findings per rule and file (a key dump should not flood the report). */
export const MAX_FINDINGS_PER_RULE = 100;

export interface SecretScanner {
  index: KeywordIndex;
  allowRules: readonly AllowRule[];
  scanningRegex: Map<SecretRule, RegExp>;
}

/** Line starts of `text`, computed only for files that have a finding. */
class LineIndex {
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  /** 0-based line number of offset `at`. */
  lineOf(at: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] as number) <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  line(n: number): { start: number; text: string } {
    const start = this.starts[n] as number;
    const next = this.starts[n + 1];
    return { start, text: this.text.slice(start, next === undefined ? this.text.length : next - 1) };
  }
}

/** Where a text was read: a file's path and layer, or a place in the image config. */
export interface SecretLocation {
  path: string;
  layerDigest?: string;
  layerIndex?: number;
}

/** A secret found in a text: the rule, the secret's span and its line. */
export interface SecretHit {
  rule: SecretRule;
  /** The secret itself, as found (a latin1 view of the bytes). */
  secret: string;
  /** 0-based line number. */
  lineNo: number;
  finding: SecretFinding;
}

/** Every secret in `text` (latin1 view of a file's bytes), redacted, located at `record`. */
export function scanText(scanner: SecretScanner, record: SecretLocation, text: string): SecretFinding[] {
  return findSecrets(scanner, record, text).map((hit) => hit.finding);
}

/** Every secret in `text` with the secret itself, for callers that must redact it elsewhere. */
export function findSecrets(scanner: SecretScanner, record: SecretLocation, text: string): SecretHit[] {
  const hits: SecretHit[] = [];
  let lines: LineIndex | undefined;
  for (const rule of scanner.index.candidates(text)) {
    if (rule.path && !rule.path.test(record.path)) continue;
    const regex = scanner.scanningRegex.get(rule) ?? scanningRegExp(rule.regex);
    scanner.scanningRegex.set(rule, regex);
    regex.lastIndex = 0;
    let count = 0;
    for (let m = regex.exec(text); m !== null && count < MAX_FINDINGS_PER_RULE; m = regex.exec(text)) {
      if (m[0] === '') {
        regex.lastIndex++;
        continue;
      }
      const span = m.indices?.groups?.['secret'] ?? m.indices?.[0];
      if (!span) continue;
      const [start, end] = span;
      const secret = text.slice(start, end);
      if (secret === '') continue;
      if (secretAllowed(record.path, secret, rule.allowRules ?? [])) continue;
      if (secretAllowed(record.path, secret, scanner.allowRules)) continue;
      lines ??= new LineIndex(text);
      const lineNo = lines.lineOf(start);
      const line = lines.line(lineNo);
      count++;
      const finding: SecretFinding = {
        ruleId: rule.id,
        category: rule.category,
        title: rule.title,
        severity: rule.severity,
        path: record.path,
        ...(record.layerDigest !== undefined ? { layer: record.layerDigest } : {}),
        ...(record.layerIndex !== undefined ? { layerIndex: record.layerIndex } : {}),
        line: lineNo + 1,
        match: redactLine(line.text, start - line.start, end - line.start),
      };
      hits.push({ rule, secret, lineNo, finding });
    }
  }
  return hits;
}
