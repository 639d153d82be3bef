import type { Cvss } from '../model.js';
import type { MetricValues } from './metrics.js';
import { readV2, scoreV2 } from './v2.js';
import { readV3, scoreV3 } from './v3.js';
import { readV4, scoreV4 } from './v4.js';

export { severityFromScore } from './severity.js';

/** A vector that has been read: its version, its canonical text and its metrics. */
interface ReadVector {
  version: '2.0' | '3.0' | '3.1' | '4.0';
  vector: string;
  metrics: MetricValues;
}

const PREFIXED = /^CVSS:(2\.0|3\.0|3\.1|4\.0)\/(.*)$/s;

/**
 * Reads a vector of any supported version: `CVSS:3.1/…`, `CVSS:3.0/…`, `CVSS:4.0/…`, and v2 either
 * bare (`AV:N/AC:L/Au:N/C:P/I:P/A:P`, as NVD writes it), in parentheses, or after `CVSS:2.0/`.
 * v2 vectors come back bare; others as given (trimmed).
 */
function readVector(input: string): ReadVector | undefined {
  let text = input.trim();
  if (text.startsWith('(') && text.endsWith(')')) text = text.slice(1, -1).trim();
  const prefixed = PREFIXED.exec(text);
  const version = prefixed?.[1] ?? '2.0';
  const body = prefixed?.[2] ?? text;
  if (version === '2.0') {
    const metrics = readV2(body);
    return metrics && { version, vector: body, metrics };
  }
  if (text !== input.trim()) return undefined; // parentheses are a v2 habit only
  const metrics = version === '4.0' ? readV4(body) : readV3(body);
  if (metrics === undefined) return undefined;
  return { version: version === '4.0' ? '4.0' : version === '3.0' ? '3.0' : '3.1', vector: text, metrics };
}

function scoreOf(read: ReadVector): number {
  if (read.version === '2.0') return scoreV2(read.metrics);
  if (read.version === '4.0') return scoreV4(read.metrics);
  return scoreV3(read.metrics, read.version);
}

/**
 * The base score of a vector, by its version's own equations (v4.0: the MacroVector method, with
 * any threat/environmental metrics in the vector applied). Undefined when the vector cannot be read.
 */
export function baseScore(vector: string): number | undefined {
  const read = readVector(vector);
  return read && scoreOf(read);
}

/** A `Cvss` record for a vector, with its computed base score; undefined when it cannot be read. */
export function cvssFromVector(vector: string, source?: string): Cvss | undefined {
  const read = readVector(vector);
  if (read === undefined) return undefined;
  const cvss: Cvss = { version: read.version, vector: read.vector, baseScore: scoreOf(read) };
  if (source !== undefined) cvss.source = source;
  return cvss;
}
