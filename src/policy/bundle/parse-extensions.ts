import type { GradeThresholds, PolicyAction } from '../types.js';
import { actionOf } from './parse-action.js';
import { type Doc, type ProblemSink, isDoc } from './problem-sink.js';

const SEVERITIES = ['unknown', 'negligible', 'low', 'medium', 'high', 'critical'];
const DEFAULT_GRADE_SEVERITIES = ['critical', 'high'];

/** Customs extension `no_mapping_action`: STOP, WARN or GO for images no mapping covers. */
export function parseNoMappingAction(doc: Doc): PolicyAction | undefined {
  return actionOf(doc.no_mapping_action);
}

/**
 * Customs extension `grade`: `{days: [B, C, D, E], severities?: [...]}`. The schema checks the
 * shape (four whole numbers, severity words as a list or a string); here the days must be in
 * order and the severities known ones, critical and high by default.
 */
export function parseGrade(doc: Doc, sink: ProblemSink): GradeThresholds | undefined {
  const value = doc.grade;
  if (!isDoc(value)) return undefined;
  const days = parseDays(value.days, '$.grade.days', sink);
  const severities = parseSeverities(value.severities, '$.grade.severities', sink);
  return days && severities ? { days, severities } : undefined;
}

function parseDays(value: unknown, at: string, sink: ProblemSink): GradeThresholds['days'] | undefined {
  const numbers = Array.isArray(value)
    ? value.map((d) => (typeof d === 'string' && /^\d+$/.test(d.trim()) ? Number(d) : d))
    : [];
  const valid =
    numbers.length === 4 &&
    numbers.every(
      (d, i) =>
        Number.isSafeInteger(d) &&
        (d as number) >= 0 &&
        (i === 0 || (d as number) >= (numbers[i - 1] as number)),
    );
  if (!valid) {
    sink.add(
      at,
      'grade days must be four non-negative whole numbers in order, the bounds for B, C, D and E',
      value,
    );
    return undefined;
  }
  return numbers as GradeThresholds['days'];
}

function parseSeverities(value: unknown, at: string, sink: ProblemSink): string[] | undefined {
  if (value === undefined) return [...DEFAULT_GRADE_SEVERITIES];
  const items = typeof value === 'string' ? value.split(/[,|]/) : Array.isArray(value) ? value : undefined;
  const names = items?.map((s) => (typeof s === 'string' ? s.trim().toLowerCase() : ''));
  if (!names || names.length === 0 || names.some((s) => !SEVERITIES.includes(s))) {
    sink.add(at, `grade severities must be a list of ${SEVERITIES.join(', ')}`, value);
    return undefined;
  }
  return [...new Set(names)];
}
