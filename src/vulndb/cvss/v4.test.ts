import { describe, expect, it } from 'vitest';
import { readV4, scoreV4 } from './v4.js';
import { MACROVECTOR_SCORES } from './v4-tables.js';

const BASE_MAX = 'AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H';
const BASE_NO_IMPACT = 'AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N';

function score(body: string): number | undefined {
  const metrics = readV4(body);
  return metrics && scoreV4(metrics);
}

describe('CVSS v4.0 MacroVector table', () => {
  it('holds 270 MacroVectors, EQ3 = 2 only with EQ6 = 1, scores within 0.1–10', () => {
    expect(MACROVECTOR_SCORES.size).toBe(270);
    for (const [macro, value] of MACROVECTOR_SCORES) {
      expect(macro).toMatch(/^[0-2][01][0-2][0-2][0-2][01]$/);
      expect(macro[2] === '2' && macro[5] === '0').toBe(false);
      expect(value).toBeGreaterThanOrEqual(0.1);
      expect(value).toBeLessThanOrEqual(10);
    }
    expect(MACROVECTOR_SCORES.get('000000')).toBe(10);
    expect(MACROVECTOR_SCORES.get('000200')).toBe(9.3);
    expect(MACROVECTOR_SCORES.get('212221')).toBe(0.1);
  });
});

describe('CVSS v4.0 score', () => {
  it.each([
    ['AV:L/AC:L/AT:P/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', 7.3], // FIRST v4.0 examples, CVE-2022-41741 (nginx)
    [BASE_MAX, 10], // FIRST v4.0 examples, CVE-2021-44228 (Log4Shell)
    ['AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', 9.3],
    ['AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:N/VA:N/SC:N/SI:N/SA:N', 8.7],
    ['AV:N/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', 8.7],
    ['AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:L/VA:L/SC:N/SI:N/SA:N', 6.9],
    ['AV:N/AC:L/AT:N/PR:N/UI:A/VC:N/VI:N/VA:N/SC:L/SI:L/SA:N', 5.1],
  ])('scores base vector %s → %d', (body, expected) => {
    expect(score(body)).toBe(expected);
  });

  // Vectors with threat and environmental metrics, scores as FIRST's reference calculator gives them.
  it.each([
    ['AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:L/SC:N/SI:N/SA:N/E:A/MAV:A', 8.7],
    [
      'AV:A/AC:L/AT:P/PR:L/UI:P/VC:H/VI:H/VA:N/SC:L/SI:H/SA:L/E:P/CR:M/IR:L/AR:M/MAV:P/MAC:X/MAT:X/MPR:L/MUI:N/MVC:L/MVI:H/MVA:H/MSC:L/MSI:S/MSA:S',
      4.2,
    ],
    [
      'AV:A/AC:L/AT:P/PR:N/UI:N/VC:H/VI:N/VA:L/SC:L/SI:L/SA:H/E:U/CR:L/IR:M/AR:H/MAV:N/MAC:X/MAT:X/MPR:X/MUI:X/MVC:X/MVI:X/MVA:N/MSC:N/MSI:S/MSA:S',
      6.8,
    ],
    [
      'AV:L/AC:H/AT:N/PR:L/UI:A/VC:H/VI:N/VA:H/SC:H/SI:L/SA:N/E:A/CR:M/IR:X/AR:X/MAV:N/MAC:L/MAT:P/MPR:L/MUI:N/MVC:N/MVI:H/MVA:L/MSC:L/MSI:H/MSA:S',
      8.7,
    ],
    [
      'AV:A/AC:L/AT:P/PR:L/UI:N/VC:N/VI:N/VA:L/SC:L/SI:H/SA:N/E:U/CR:M/IR:X/AR:L/MAV:N/MAC:L/MAT:N/MPR:X/MUI:P/MVC:L/MVI:X/MVA:N/MSC:X/MSI:L/MSA:L',
      1.2,
    ],
    [
      'AV:L/AC:H/AT:N/PR:H/UI:A/VC:L/VI:L/VA:H/SC:N/SI:N/SA:H/E:X/CR:X/IR:X/AR:X/MAV:P/MAC:L/MAT:X/MPR:N/MUI:X/MVC:H/MVI:N/MVA:X/MSC:N/MSI:X/MSA:L',
      5.2,
    ],
  ])('applies threat and environmental metrics: %s → %d', (body, expected) => {
    expect(score(body)).toBe(expected);
  });

  it('scores no impact anywhere 0, however easy the attack', () => {
    expect(score(BASE_NO_IMPACT)).toBe(0);
    expect(score(`${BASE_NO_IMPACT}/E:A/CR:H`)).toBe(0);
  });

  it('takes an impact a modified metric adds, and drops one it removes', () => {
    expect(score(`${BASE_NO_IMPACT}/MVC:H`)).toBe(8.7);
    expect(score(`${BASE_MAX}/MVC:N/MVI:N/MVA:N/MSC:N/MSI:N/MSA:N`)).toBe(0);
  });

  it('treats X as absent and leaves supplemental metrics out of the score', () => {
    const base = 'AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N';
    expect(score(`${base}/E:X/CR:X/IR:X/AR:X/MAV:X/MSI:X`)).toBe(9.3);
    expect(score(`${base}/S:P/AU:Y/R:I/V:C/RE:H/U:Red`)).toBe(9.3);
  });

  it('lowers the score as exploit maturity falls (E:A, E:P, E:U)', () => {
    const base = 'AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N';
    const scores = ['A', 'P', 'U'].map((e) => score(`${base}/E:${e}`) ?? Number.NaN);
    expect(scores[0]).toBe(9.3);
    expect(scores[1]).toBeLessThan(scores[0] ?? 0);
    expect(scores[2]).toBeLessThan(scores[1] ?? 0);
  });

  it('raises the score with Safety (MSI:S) above what the same vector gets without it', () => {
    const base = 'AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N';
    expect(score(`${base}/MSI:S`)).toBe(10);
    expect(score(`${base}/MSI:H`)).toBeLessThan(10);
  });

  it('scores every base vector (with SC:H/SI:L/SA:N) within 0–10', () => {
    const outside: string[] = [];
    for (const av of 'NALP')
      for (const ac of 'LH')
        for (const at of 'NP')
          for (const pr of 'NLH')
            for (const ui of 'NPA')
              for (const vc of 'HLN')
                for (const vi of 'HLN')
                  for (const va of 'HLN') {
                    const body = `AV:${av}/AC:${ac}/AT:${at}/PR:${pr}/UI:${ui}/VC:${vc}/VI:${vi}/VA:${va}/SC:H/SI:L/SA:N`;
                    const value = score(body);
                    if (value === undefined || !(value >= 0 && value <= 10)) outside.push(body);
                  }
    expect(outside).toEqual([]);
  });

  it.each([
    ['AV:N/AC:L/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', 'AT missing'],
    ['AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/SA:H', 'a metric repeated'],
    ['AV:N/AC:L/AT:N/PR:N/UI:R/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', 'a v3 value (UI:R)'],
    ['AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:S/SA:N', 'S outside MSI/MSA'],
    ['AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/U:red', 'a value in the wrong case'],
    ['AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/RL:O', 'a v3 temporal metric'],
  ])('reads nothing from %s (%s)', (body) => {
    expect(readV4(body)).toBeUndefined();
  });
});
