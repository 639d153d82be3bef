import { describe, expect, it } from 'vitest';
import { readV3, roundUpV30, roundUpV31, scoreV3 } from './v3.js';

function score(body: string, minor: '3.0' | '3.1' = '3.1'): number | undefined {
  const metrics = readV3(body);
  return metrics && scoreV3(metrics, minor);
}

describe('CVSS v3.x base score', () => {
  // FIRST's CVSS v3.1 examples document: the vectors and base scores it gives.
  it.each([
    ['AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N', 6.1], // CVE-2013-1937, phpMyAdmin reflected XSS
    ['AV:N/AC:L/PR:L/UI:N/S:C/C:L/I:L/A:N', 6.4], // CVE-2013-0375, MySQL stored SQL injection
    ['AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N', 3.1], // CVE-2014-3566, SSLv3 POODLE
    ['AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H', 9.9], // CVE-2012-1516, VMware guest to host escape
    ['AV:L/AC:L/PR:H/UI:N/S:U/C:L/I:L/A:L', 4.2], // CVE-2009-0783, Apache Tomcat XML parser
    ['AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H', 8.8], // CVE-2012-0384, Cisco IOS command injection
    ['AV:L/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H', 7.8], // CVE-2015-1098, Apple iWork
    ['AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N', 7.5], // CVE-2014-0160, Heartbleed
    ['AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 9.8], // CVE-2014-6271, Shellshock
    ['AV:N/AC:H/PR:N/UI:N/S:C/C:N/I:H/A:N', 6.8], // CVE-2008-1447, DNS cache poisoning
    ['AV:P/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 6.8], // CVE-2014-2005, Sophos login screen bypass
    ['AV:N/AC:L/PR:N/UI:N/S:C/C:L/I:N/A:N', 5.8], // CVE-2010-0467, Joomla directory traversal
    ['AV:A/AC:L/PR:N/UI:N/S:C/C:H/I:N/A:H', 9.3], // CVE-2013-6014, Juniper proxy ARP
    ['AV:N/AC:L/PR:L/UI:R/S:C/C:L/I:L/A:N', 5.4], // CVE-2014-9253, DokuWiki XSS
    ['AV:P/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:N', 4.6], // CVE-2014-2019, Apple iOS
    ['AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:N', 7.4], // CVE-2014-0224, OpenSSL CCS injection
    ['AV:N/AC:L/PR:N/UI:R/S:C/C:H/I:H/A:H', 9.6], // CVE-2012-5376, Chrome sandbox bypass
  ])('%s → %d', (body, expected) => {
    expect(score(body, '3.1')).toBe(expected);
    expect(score(body, '3.0')).toBe(expected);
  });

  it('scores an all-none impact 0 and a full one 10', () => {
    expect(score('AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N')).toBe(0);
    expect(score('AV:N/AC:L/PR:N/UI:N/S:C/C:N/I:N/A:N')).toBe(0);
    expect(score('AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H')).toBe(9.8);
  });

  it('caps a changed scope at 10 (1.08 × 10.73 would be over) and weighs PR higher under it', () => {
    expect(score('AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H')).toBe(10);
    expect(score('AV:N/AC:L/PR:H/UI:N/S:C/C:H/I:H/A:H')).toBe(9.1);
    expect(score('AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H')).toBe(7.2);
  });

  it('ignores temporal and environmental metrics for the base score', () => {
    expect(score('AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:U/RL:O/RC:U/CR:L/MAV:P/MS:C/MA:N')).toBe(9.8);
  });

  it('rounds up the v3.0 way on floating-point excess, and the v3.1 way does not', () => {
    expect(roundUpV30(4.000000000000001)).toBe(4.1);
    expect(roundUpV31(4.000000000000001)).toBe(4.0);
    for (const roundUp of [roundUpV30, roundUpV31]) {
      expect(roundUp(4.02)).toBe(4.1);
      expect(roundUp(4.0)).toBe(4.0);
      expect(roundUp(0)).toBe(0);
    }
  });

  it('gives every one of the 2592 base vectors the same score under 3.0 and 3.1', () => {
    const differing: string[] = [];
    for (const av of 'NALP')
      for (const ac of 'LH')
        for (const pr of 'NLH')
          for (const ui of 'NR')
            for (const s of 'UC')
              for (const c of 'HLN')
                for (const i of 'HLN')
                  for (const a of 'HLN') {
                    const body = `AV:${av}/AC:${ac}/PR:${pr}/UI:${ui}/S:${s}/C:${c}/I:${i}/A:${a}`;
                    if (score(body, '3.0') !== score(body, '3.1')) differing.push(body);
                  }
    expect(differing).toEqual([]);
  });

  it.each([
    ['AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H', 'a base metric missing'],
    ['AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/C:L', 'a metric repeated'],
    ['AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:U/A:U', 'values v3 does not define'],
    ['AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/XX:Y', 'an unknown metric'],
    ['AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E', 'a part without a value'],
    ['AV:N/AC:L/Au:N/C:P/I:P/A:P', 'a v2 vector'],
  ])('reads nothing from %s (%s)', (body) => {
    expect(readV3(body)).toBeUndefined();
  });
});
