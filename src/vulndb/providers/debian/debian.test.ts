import { describe, expect, it } from 'vitest';
import type { FeedItem } from '../../model.js';
import type { FeedFile } from '../types.js';
import { debianDsaParser, debianTrackerParser } from './index.js';

function file(name: string, text: string): FeedFile {
  return { location: `feeds/${name}`, name, content: Buffer.from(text) };
}

function items(parser: { parse(f: FeedFile): unknown }, f: FeedFile): FeedItem[] {
  return [...(parser.parse(f) as Iterable<FeedItem>)];
}

const TRACKER = {
  glibc: {
    'CVE-2023-4911': {
      description: 'buffer overflow in ld.so',
      releases: {
        bookworm: { status: 'resolved', fixed_version: '2.36-9+deb12u3', urgency: 'high' },
        bullseye: { status: 'resolved', fixed_version: '0', urgency: 'unimportant' },
        buster: { status: 'open', urgency: 'end-of-life' },
        trixie: { status: 'open', urgency: 'low**', nodsa: 'Minor issue', nodsa_reason: '' },
        forky: { status: 'open', urgency: 'medium', nodsa: 'x', nodsa_reason: 'postponed' },
        sid: { status: 'undetermined', urgency: 'not yet assigned' },
      },
    },
  },
  'glibc-doc': {
    'CVE-2023-4911': {
      releases: { bookworm: { status: 'open', urgency: 'medium', nodsa_reason: 'ignored' } },
    },
    'CVE-2024-0001': { releases: [] },
  },
  broken: {
    'CVE-2024-0002': {
      releases: {
        bookworm: { status: 'resolved' },
        hamm: { status: 'resolved', fixed_version: '1' },
        bullseye: { status: 'weird' },
        trixie: 'nope',
      },
    },
    'CVE-2024-0003': 7,
  },
};

describe('debianTrackerParser', () => {
  const parsed = items(debianTrackerParser, file('tracker.json', JSON.stringify(TRACKER)));
  const vulns = parsed.flatMap((item) => (item.kind === 'vulnerability' ? [item] : []));
  const glibc = vulns.find((v) => v.vulnerability.id === 'CVE-2023-4911');
  const by = (namespace: string, pkg = 'glibc') =>
    glibc?.affected.find((a) => a.namespace === namespace && a.package === pkg);

  it('claims the tracker export and nothing else', () => {
    expect(debianTrackerParser.detect(file('t.json', JSON.stringify(TRACKER)))).toBe(true);
    expect(debianTrackerParser.detect(file('osv.json', '{"id": "DSA-1", "affected": []}'))).toBe(false);
    expect(debianTrackerParser.detect(file('DSA', '[01 Aug 2002] DSA-141 mpack - x'))).toBe(false);
  });

  it('gives one record per CVE with the packages of every source', () => {
    expect(glibc?.vulnerability).toMatchObject({
      description: 'buffer overflow in ld.so',
      provider: 'debian',
      severity: 'high',
    });
    expect(glibc?.affected).toHaveLength(7);
    expect(vulns.find((v) => v.vulnerability.id === 'CVE-2024-0001')?.affected).toEqual([]);
  });

  it('maps statuses, suites and urgencies', () => {
    expect(by('debian:12')).toMatchObject({
      fixState: 'fixed',
      ranges: [{ fixed: '2.36-9+deb12u3' }],
      scheme: 'deb',
      severity: 'high',
    });
    expect(by('debian:11')).toMatchObject({ fixState: 'not-affected', ranges: [], severity: 'negligible' });
    expect(by('debian:10')).toMatchObject({ fixState: 'wont-fix', ranges: [{}] });
    expect(by('debian:10')?.severity).toBeUndefined();
    expect(by('debian:13')).toMatchObject({ fixState: 'wont-fix', severity: 'low' });
    expect(by('debian:14')).toMatchObject({ fixState: 'not-fixed', severity: 'medium' });
    expect(by('debian:unstable')).toMatchObject({ fixState: 'not-fixed', ranges: [{}] });
    expect(by('debian:12', 'glibc-doc')).toMatchObject({ fixState: 'wont-fix' });
  });

  it('rejects unusable entries one by one and goes on', () => {
    const rejected = parsed.filter((item) => item.kind === 'rejected');
    expect(rejected.map((r) => r.kind === 'rejected' && r.reason)).toEqual([
      'status "resolved" without a fixed_version',
      'unknown Debian suite "hamm"',
      'unknown status "weird"',
      'release entry is not an object',
      'issue entry is not an object',
    ]);
    expect(rejected[1]).toMatchObject({ location: 'feeds/tracker.json#broken/CVE-2024-0002/hamm' });
  });

  it('rejects a file that is not JSON instead of throwing', () => {
    expect(items(debianTrackerParser, file('t.json', '{"glibc": {"CVE-1": '))).toEqual([
      expect.objectContaining({ kind: 'rejected', location: 'feeds/t.json' }),
    ]);
  });
});

const DSA_LIST = `[31 Jul 2025] DSA-5970-1 sope - security update
\t{CVE-2025-53603}
\t[bookworm] - sope 5.8.0-1+deb12u1
\t[bullseye] - sope <not-affected> (vulnerable code not present)
[07 Jun 2015] DSA-3281-1 Debian Security Team PGP/GPG key change notice
[05 Aug 2002] DSA-140 libpng - buffer overflow
\t{CVE-2002-0660 CVE-2002-0728}
\t[woody] - libpng 1.0.12-3.woody.2
\tNOTE: a note
\t[hamm] - libpng 1.0
\tsomething odd
`;

describe('debianDsaParser', () => {
  const parsed = items(debianDsaParser, file('DSA', DSA_LIST));
  const vulns = parsed.flatMap((item) => (item.kind === 'vulnerability' ? [item] : []));

  it('claims the list by its first line only', () => {
    expect(debianDsaParser.detect(file('list', DSA_LIST))).toBe(true);
    expect(debianDsaParser.detect(file('list', 'CVE-2024-1 (foo)\n'))).toBe(false);
  });

  it('gives each advisory with its CVEs as aliases and its fixed versions per suite', () => {
    expect(vulns.map((v) => v.vulnerability.id)).toEqual(['DSA-5970-1', 'DSA-3281-1', 'DSA-140']);
    const sope = vulns[0];
    expect(sope?.vulnerability).toMatchObject({
      aliases: ['CVE-2025-53603'],
      summary: 'sope - security update',
      published: '2025-07-31T00:00:00Z',
      provider: 'debian-dsa',
    });
    expect(sope?.affected).toEqual([
      expect.objectContaining({
        namespace: 'debian:12',
        package: 'sope',
        fixState: 'fixed',
        fixedVersions: ['5.8.0-1+deb12u1'],
      }),
      expect.objectContaining({ namespace: 'debian:11', fixState: 'not-affected', ranges: [] }),
    ]);
    expect(vulns[2]?.vulnerability.aliases).toEqual(['CVE-2002-0660', 'CVE-2002-0728']);
    expect(vulns[2]?.affected).toEqual([
      expect.objectContaining({ namespace: 'debian:3.0', fixedVersions: ['1.0.12-3.woody.2'] }),
    ]);
  });

  it('rejects unknown suites and unreadable lines with their line numbers', () => {
    expect(parsed.filter((item) => item.kind === 'rejected')).toEqual([
      { kind: 'rejected', location: 'feeds/DSA:10', reason: 'unknown Debian suite "hamm"' },
      { kind: 'rejected', location: 'feeds/DSA:11', reason: 'unrecognised line' },
    ]);
  });
});
