/** The redacted match shown for a finding is at most this long. */
export const MAX_MATCH_CHARS = 160;
const CONTEXT_BEFORE = 40;

/**
 * The line holding a secret, with every occurrence of the secret's part on that line replaced
 * by asterisks, cut to MAX_MATCH_CHARS around it. `line` and `secret` are latin1 views of the
 * bytes; the result is decoded as UTF-8.
 */
export function redactLine(line: string, start: number, end: number): string {
  const secretOnLine = line.slice(start, Math.min(end, line.length));
  let redacted =
    line.slice(0, start) + '*'.repeat(secretOnLine.length) + line.slice(start + secretOnLine.length);
  if (secretOnLine.length >= 4) redacted = redacted.split(secretOnLine).join('*'.repeat(secretOnLine.length));
  let text = redacted.replace(/\r$/, '');
  if (text.length > MAX_MATCH_CHARS) {
    const from = Math.max(0, Math.min(start - CONTEXT_BEFORE, text.length - MAX_MATCH_CHARS));
    text = text.slice(from, from + MAX_MATCH_CHARS);
  }
  return Buffer.from(text, 'latin1').toString('utf8').trim();
}
