import { describe, expect, it } from 'vitest';
import { readV2, scoreV2 } from './v2.js';

function score(vector: string): number | undefined {
  const metrics = readV2(vector);
  return metrics && scoreV2(metrics);
}

describe('CVSS v2.0 base score', () => {
  it.each([
    // The v2 guide's worked examples (section 3.3).
    ['AV:N/AC:L/Au:N/C:N/I:N/A:C', 7.8], // CVE-2002-0392, Apache chunked encoding
    ['AV:N/AC:L/Au:N/C:C/I:C/A:C', 10.0], // CVE-2003-0818, Microsoft ASN.1
    ['AV:L/AC:H/Au:N/C:C/I:C/A:C', 6.2], // CVE-2003-0062, NOD32 buffer overflow
    // As NVD scores them.
    ['AV:N/AC:L/Au:N/C:P/I:P/A:P', 7.5],
    ['AV:N/AC:M/Au:N/C:N/I:P/A:N', 4.3],
    ['AV:N/AC:L/Au:N/C:P/I:N/A:N', 5.0],
    ['AV:L/AC:L/Au:N/C:P/I:N/A:N', 2.1],
  ])('%s → %d', (vector, expected) => {
    expect(score(vector)).toBe(expected);
  });

  it('is exactly 0 (not -0) when there is no impact, whatever the exploitability', () => {
    expect(Object.is(score('AV:N/AC:L/Au:N/C:N/I:N/A:N'), 0)).toBe(true);
    expect(Object.is(score('AV:L/AC:H/Au:M/C:N/I:N/A:N'), 0)).toBe(true);
  });

  it('ignores temporal and environmental metrics for the base score', () => {
    expect(score('AV:N/AC:L/Au:N/C:P/I:P/A:P/E:U/RL:OF/RC:UC/CDP:H/TD:L/CR:H/IR:ND/AR:L')).toBe(7.5);
  });

  it.each([
    ['AV:N/AC:L/Au:N/C:P/I:P', 'a base metric missing'],
    ['AV:N/AC:L/Au:N/C:P/I:P/A:P/A:N', 'a metric repeated'],
    ['AV:N/AC:L/Au:N/C:P/I:P/A:X', 'an unknown value'],
    ['AV:N/AC:L/PR:N/C:P/I:P/A:P', 'a v3 metric'],
    ['av:n/ac:l/au:n/c:p/i:p/a:p', 'lower case'],
    ['AV:N/AC:L/Au:N/C:P/I:P/A:P/', 'an empty part'],
  ])('reads nothing from %s (%s)', (vector) => {
    expect(readV2(vector)).toBeUndefined();
  });
});
