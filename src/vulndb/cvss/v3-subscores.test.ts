import { describe, expect, it } from 'vitest';
import { v3SubScores } from './v3-subscores.js';

describe('CVSS v3.x sub-scores', () => {
  // Exploitability and impact scores NVD publishes for these vectors.
  it.each([
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 3.9, 5.9], // Shellshock, 9.8
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N', 3.9, 3.6], // Heartbleed, 7.5
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H', 3.9, 6.0], // Log4Shell, 10.0
    ['CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H', 1.8, 5.9], // local privilege escalation, 7.8
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N', 2.8, 2.7], // reflected XSS, 6.1
    ['CVSS:3.0/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:N', 2.2, 5.2], // OpenSSL CCS injection, 7.4
    ['CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H', 3.1, 6.0], // guest to host escape, 9.9
  ])('%s → exploitability %d, impact %d', (vector, exploitability, impact) => {
    expect(v3SubScores(vector)).toEqual({ exploitability, impact });
  });

  it('ignores temporal metrics and surrounding blanks', () => {
    expect(v3SubScores(' CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N/E:U/RL:O ')).toEqual({
      exploitability: 3.9,
      impact: 3.6,
    });
  });

  it('reports no impact as 0, never negative', () => {
    expect(v3SubScores('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:N/I:N/A:N')).toEqual({
      exploitability: 3.9,
      impact: 0,
    });
  });

  it.each([
    'AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
    'CVSS:2.0/AV:N/AC:L/Au:N/C:P/I:P/A:P',
    'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N',
    'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H',
    'CVSS:3.1/',
    '',
  ])('refuses %j', (vector) => {
    expect(v3SubScores(vector)).toBeUndefined();
  });
});
