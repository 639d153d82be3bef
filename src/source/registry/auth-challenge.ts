/** A parsed `WWW-Authenticate` challenge. */
export interface AuthChallenge {
  scheme: 'bearer' | 'basic' | string;
  params: Record<string, string>;
}

const PARAM_RE = /([A-Za-z0-9_-]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^,\s]*)/y;

/**
 * Parses one or more `WWW-Authenticate` header values. Returns the challenges in order; a value
 * holding several challenges (`Basic realm="x", Bearer realm="y"`) yields each of them.
 */
export function parseAuthChallenges(header: string | string[] | undefined): AuthChallenge[] {
  if (header === undefined) return [];
  const values = Array.isArray(header) ? header : [header];
  const challenges: AuthChallenge[] = [];
  for (const value of values) {
    let pos = 0;
    let current: AuthChallenge | undefined;
    while (pos < value.length) {
      while (pos < value.length && /[\s,]/.test(value[pos]!)) pos++;
      if (pos >= value.length) break;
      PARAM_RE.lastIndex = pos;
      const param = PARAM_RE.exec(value);
      if (param && current) {
        const raw = param[2]!;
        current.params[param[1]!.toLowerCase()] = raw.startsWith('"')
          ? raw.slice(1, -1).replace(/\\(.)/g, '$1')
          : raw;
        pos = PARAM_RE.lastIndex;
        continue;
      }
      const token = /^[^\s,]+/.exec(value.slice(pos));
      if (!token) break;
      current = { scheme: token[0].toLowerCase(), params: {} };
      challenges.push(current);
      pos += token[0].length;
    }
  }
  return challenges;
}

/** The challenge to answer: Bearer when offered, else Basic, else the first one. */
export function pickChallenge(challenges: AuthChallenge[]): AuthChallenge | undefined {
  return (
    challenges.find((c) => c.scheme === 'bearer') ??
    challenges.find((c) => c.scheme === 'basic') ??
    challenges[0]
  );
}
