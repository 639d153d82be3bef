import type { Severity } from '../../model.js';

const WORDS: Record<string, Severity> = {
  critical: 'critical',
  important: 'high',
  high: 'high',
  moderate: 'medium',
  medium: 'medium',
  low: 'low',
  negligible: 'negligible',
  unimportant: 'negligible',
};

/**
 * A severity word as feeds write it — GHSA's `MODERATE`, Ubuntu priorities, Debian urgencies
 * (`high**` when Debian did not set it itself), Red Hat's `Important` — or undefined for words
 * that carry no verdict (`not yet assigned`, `untriaged`, `end-of-life`).
 */
export function severityFromWord(word: unknown): Severity | undefined {
  if (typeof word !== 'string') return undefined;
  return WORDS[word.trim().replace(/\*+$/, '').toLowerCase()];
}
