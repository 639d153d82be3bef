import type { GradeThresholds, PolicyAction } from '../types.js';
import { parseAction } from './parse-action.js';
import { type Doc, type ProblemSink, isDoc } from './problem-sink.js';

const SEVERITIES = ['unknown', 'negligible', 'low', 'medium', 'high', 'critical'];
const DEFAULT_GRADE_SEVERITIES = ['critical', 'high'];

/** Customs extension `no_mapping_action`: STOP, WARN or GO for images no mapping covers. */
export function parseNoMappingAction(doc: Doc, sink: ProblemSink): PolicyAction | undefined {
  const value = doc.no_mapping_action;
  if (value === undefined || value === null) return undefined;
  return parseAction(value, '$.no_mapping_action', sink);
}

/**
 * Customs extension `grade`: `{days: [B, C, D, E], severities?: [...]}`, the day bounds
 * non-negative integers in non-decreasing order; severities default to critical and high.
 */
export function parseGrade(doc: Doc, sink: ProblemSink): GradeThresholds | undefined {
  const value = doc.grade;
  if (value === undefined || value === null) return undefined;
  const at = '$.grade';
  if (!isDoc(value)) {
    sink.add(at, 'grade must be an object {days: [B, C, D, E], severities}', value);
    return undefined;
  }
  const days = parseDays(value.days, `${at}.days`, sink);
  const severities = parseSeverities(value.severities, `${at}.severities`, sink);
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
  if (value === undefined || value === null) return [...DEFAULT_GRADE_SEVERITIES];
  const items = typeof value === 'string' ? value.split(/[,|]/) : Array.isArray(value) ? value : undefined;
  const names = items?.map((s) => (typeof s === 'string' ? s.trim().toLowerCase() : ''));
  if (!names || names.length === 0 || names.some((s) => !SEVERITIES.includes(s))) {
    sink.add(at, `grade severities must be a list of ${SEVERITIES.join(', ')}`, value);
    return undefined;
  }
  return [...new Set(names)];
}
