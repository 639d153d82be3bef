import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { FeedItem } from '../../model.js';
import type { FeedFile } from '../types.js';
import { epssParser } from './index.js';

const GOOD = `#model_version:v2025.03.14,score_date:2025-03-26T00:00:00+0000
cve,epss,percentile
CVE-2024-0001,0.00043,0.09291
CVE-2024-0002,0.97,0.999
not-a-cve,0.1,0.2
CVE-2024-0003,1.5,0.2
CVE-2024-0004,0.1
CVE-2024-0005,0.1,0.2,extra
`;

function file(name: string, content: Buffer | string): FeedFile {
  return { location: `epss/${name}`, name, content: Buffer.from(content) };
}

function parse(f: FeedFile): FeedItem[] {
  return [...(epssParser.parse(f) as Iterable<FeedItem>)];
}

describe('epssParser', () => {
  it('claims EPSS CSV, plain or gzip, and not other CSV', () => {
    expect(epssParser.detect(file('epss_scores-2025-03-26.csv', GOOD))).toBe(true);
    expect(epssParser.detect(file('epss_scores-2025-03-26.csv.gz', gzipSync(GOOD)))).toBe(true);
    expect(epssParser.detect(file('kev.csv', 'cveID,vendorProject\n'))).toBe(false);
    expect(epssParser.detect(file('epss.json', GOOD))).toBe(false);
  });

  it('reads scores with the model date and rejects bad rows one by one', () => {
    const items = parse(file('e.csv', GOOD));
    expect(items.filter((item) => item.kind === 'epss')).toEqual([
      {
        kind: 'epss',
        score: { cve: 'CVE-2024-0001', score: 0.00043, percentile: 0.09291, date: '2025-03-26' },
      },
      { kind: 'epss', score: { cve: 'CVE-2024-0002', score: 0.97, percentile: 0.999, date: '2025-03-26' } },
    ]);
    expect(items.filter((item) => item.kind === 'rejected')).toEqual([
      { kind: 'rejected', location: 'epss/e.csv:5', reason: 'not a CVE id: "not-a-cve"' },
      { kind: 'rejected', location: 'epss/e.csv:6', reason: 'epss "1.5" is not a number in [0, 1]' },
      { kind: 'rejected', location: 'epss/e.csv:7', reason: 'percentile "" is not a number in [0, 1]' },
      { kind: 'rejected', location: 'epss/e.csv:8', reason: 'more than three columns' },
    ]);
  });

  it('reads the gzip form the same way', () => {
    expect(parse(file('e.csv.gz', gzipSync(GOOD)))).toEqual(parse(file('e.csv.gz', GOOD)));
  });

  it('rejects a file without the score date or with another header, once', () => {
    const noDate = parse(file('e.csv', GOOD.replace(',score_date:2025-03-26T00:00:00+0000', '')));
    expect(noDate).toEqual([
      { kind: 'rejected', location: 'epss/e.csv', reason: expect.stringMatching(/no score date/) },
    ]);
    const badHeader = parse(file('e.csv', GOOD.replace('cve,epss,percentile', 'invalid,header,format')));
    expect(badHeader).toEqual([
      {
        kind: 'rejected',
        location: 'epss/e.csv',
        reason: expect.stringMatching(/unexpected header "invalid,header,format"/),
      },
    ]);
    expect(parse(file('e.csv.gz', Buffer.from([0x1f, 0x8b, 1, 2, 3])))).toEqual([
      expect.objectContaining({ kind: 'rejected', reason: expect.stringMatching(/cannot decompress/) }),
    ]);
  });
});
