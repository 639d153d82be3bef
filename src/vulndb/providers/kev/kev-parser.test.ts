import { describe, expect, it } from 'vitest';
import type { FeedItem } from '../../model.js';
import type { FeedFile } from '../types.js';
import { kevParser } from './index.js';

const CATALOG = {
  title: 'CISA Catalog of Known Exploited Vulnerabilities',
  catalogVersion: '2025.08.25',
  count: 4,
  vulnerabilities: [
    {
      cveID: 'CVE-2025-48384',
      vendorProject: 'Git',
      product: 'Git',
      dateAdded: '2025-08-25',
      dueDate: '2025-09-15',
      knownRansomwareCampaignUse: 'Unknown',
    },
    {
      cveID: 'CVE-2023-4966',
      vendorProject: 'Citrix',
      product: 'NetScaler',
      dateAdded: '2023-10-18',
      knownRansomwareCampaignUse: 'Known',
    },
    { cveID: 'not-a-cve', dateAdded: '2025-01-01' },
    { cveID: 'CVE-2024-0001', dateAdded: 'yesterday' },
    'junk',
  ],
};

function file(text: string, name = 'known_exploited_vulnerabilities.json'): FeedFile {
  return { location: `kev/${name}`, name, content: Buffer.from(text) };
}

function parse(text: string): FeedItem[] {
  return [...(kevParser.parse(file(text)) as Iterable<FeedItem>)];
}

describe('kevParser', () => {
  it('claims the catalog only', () => {
    expect(kevParser.detect(file(JSON.stringify(CATALOG)))).toBe(true);
    expect(kevParser.detect(file('{"format":"NVD_CVE","vulnerabilities":[]}'))).toBe(false);
    expect(kevParser.detect(file(JSON.stringify(CATALOG), 'kev.csv'))).toBe(false);
  });

  it('reads entries and rejects unusable ones one by one', () => {
    const items = parse(JSON.stringify(CATALOG));
    expect(items.slice(0, 2)).toEqual([
      {
        kind: 'kev',
        entry: {
          cve: 'CVE-2025-48384',
          dateAdded: '2025-08-25',
          dueDate: '2025-09-15',
          knownRansomwareCampaignUse: false,
          vendorProject: 'Git',
          product: 'Git',
        },
      },
      {
        kind: 'kev',
        entry: {
          cve: 'CVE-2023-4966',
          dateAdded: '2023-10-18',
          knownRansomwareCampaignUse: true,
          vendorProject: 'Citrix',
          product: 'NetScaler',
        },
      },
    ]);
    expect(items.slice(2)).toEqual([
      {
        kind: 'rejected',
        location: 'kev/known_exploited_vulnerabilities.json#vulnerabilities[2]',
        reason: 'cveID "not-a-cve" is not a CVE id',
      },
      {
        kind: 'rejected',
        location: 'kev/known_exploited_vulnerabilities.json#vulnerabilities[3]',
        reason: 'CVE-2024-0001: dateAdded "yesterday" is not YYYY-MM-DD',
      },
      {
        kind: 'rejected',
        location: 'kev/known_exploited_vulnerabilities.json#vulnerabilities[4]',
        reason: 'entry is not an object',
      },
    ]);
  });

  it('rejects a broken file once instead of throwing', () => {
    expect(parse('{"catalogVersion": "1", ')).toEqual([
      expect.objectContaining({ kind: 'rejected', location: 'kev/known_exploited_vulnerabilities.json' }),
    ]);
    expect(parse('{"catalogVersion": "1"}')).toEqual([
      expect.objectContaining({ reason: 'not a KEV catalog: no vulnerabilities list' }),
    ]);
  });
});
