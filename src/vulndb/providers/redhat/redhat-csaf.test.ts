import { FEED_SEEDS } from '../../../../test/fuzz/targets/feed-seeds.js';
import { describe, expect, it } from 'vitest';
import type { FeedItem } from '../../model.js';
import type { FeedFile } from '../types.js';
import { redhatCsafParser } from './index.js';

const P9 = 'AppStream-9.2.0.Z.MAIN';
const EUS = 'AppStream-9.0.0.Z.EUS';
const SRC = 'nodejs-1:16.20.2-1.module+el9.2.0+1+abc.src';
const BIN = 'nodejs-1:16.20.2-1.module+el9.2.0+1+abc.x86_64';
const EUS_SRC = 'nodejs-1:16.19.1-2.el9_0.src';
const LIBX = 'libx-0:2.0-1.el9.src';

function product(id: string, helper: Record<string, string>) {
  return {
    category: 'product_version',
    name: id,
    product: { name: id, product_id: id, product_identification_helper: helper },
  };
}

function rel(platform: string, component: string) {
  return {
    category: 'default_component_of',
    full_product_name: {
      name: `${component} as a component of ${platform}`,
      product_id: `${platform}:${component}`,
    },
    product_reference: component,
    relates_to_product_reference: platform,
  };
}

const DOC = {
  document: {
    aggregate_severity: {
      namespace: 'https://access.redhat.com/security/updates/classification/',
      text: 'Important',
    },
    category: 'csaf_security_advisory',
    csaf_version: '2.0',
    publisher: { name: 'Red Hat Product Security', namespace: 'https://www.redhat.com' },
    tracking: { id: 'RHSA-2023:9999', current_release_date: '2024-01-02T00:00:00+00:00' },
  },
  product_tree: {
    branches: [
      {
        category: 'vendor',
        name: 'Red Hat',
        branches: [
          {
            category: 'product_name',
            name: 'RHEL 9',
            product: {
              name: 'RHEL 9',
              product_id: P9,
              product_identification_helper: { cpe: 'cpe:/a:redhat:enterprise_linux:9::appstream' },
            },
          },
          {
            category: 'product_name',
            name: 'RHEL 9.0 EUS',
            product: {
              name: 'EUS',
              product_id: EUS,
              product_identification_helper: { cpe: 'cpe:/a:redhat:rhel_eus:9.0::appstream' },
            },
          },
          {
            category: 'product_name',
            name: 'OCP',
            product: {
              name: 'OCP',
              product_id: 'OCP-4.14',
              product_identification_helper: { cpe: 'cpe:/a:redhat:openshift:4.14::el9' },
            },
          },
          product(SRC, {
            purl: 'pkg:rpm/redhat/nodejs@16.20.2-1.module%2Bel9.2.0%2B1%2Babc?arch=src&epoch=1',
          }),
          product(BIN, {
            purl: 'pkg:rpm/redhat/nodejs@16.20.2-1.module%2Bel9.2.0%2B1%2Babc?arch=x86_64&epoch=1',
          }),
          product(EUS_SRC, { purl: 'pkg:rpm/redhat/nodejs@16.19.1-2.el9_0?arch=src&epoch=1' }),
          product(LIBX, { purl: 'pkg:rpm/redhat/libx@2.0-1.el9?arch=src' }),
          product('oldlib', { purl: 'pkg:rpm/redhat/oldlib?arch=src' }),
          product('gone', { purl: 'pkg:rpm/redhat/gone?arch=src' }),
        ],
      },
    ],
    relationships: [
      rel(P9, SRC),
      rel(P9, BIN),
      rel(EUS, EUS_SRC),
      rel(P9, LIBX),
      rel(P9, 'oldlib'),
      rel(P9, 'gone'),
      rel('OCP-4.14', SRC),
    ],
  },
  vulnerabilities: [
    {
      cve: 'CVE-2023-1111',
      notes: [
        { category: 'description', text: 'A flaw in nodejs.' },
        { category: 'summary', text: 'nodejs: flaw' },
      ],
      release_date: '2023-05-01T00:00:00+00:00',
      product_status: {
        fixed: [`${P9}:${SRC}`, `${P9}:${BIN}`, `${EUS}:${EUS_SRC}`, `OCP-4.14:${SRC}`],
        known_affected: [`${P9}:oldlib`, `${P9}:gone`],
        known_not_affected: [`${P9}:${LIBX}`],
      },
      remediations: [
        {
          category: 'vendor_fix',
          date: '2023-06-01T00:00:00+00:00',
          product_ids: [`${P9}:${SRC}`],
          url: 'https://access.redhat.com/errata/RHSA-2023:9999',
        },
        { category: 'no_fix_planned', product_ids: [`${P9}:oldlib`] },
        { category: 'none_available', product_ids: [`${P9}:gone`] },
      ],
      scores: [
        {
          cvss_v3: {
            baseScore: 7.5,
            vectorString: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H',
            version: '3.1',
          },
          products: [],
        },
      ],
      threats: [{ category: 'impact', details: 'Important' }],
      references: [{ category: 'self', url: 'https://access.redhat.com/security/cve/CVE-2023-1111' }],
    },
    { notes: [] },
  ],
};

function file(text: string): FeedFile {
  return { location: 'csaf/rhsa-2023_9999.json', name: 'rhsa-2023_9999.json', content: Buffer.from(text) };
}

describe('redhatCsafParser', () => {
  const items = [...(redhatCsafParser.parse(file(JSON.stringify(DOC))) as Iterable<FeedItem>)];
  const vuln = items.find((item) => item.kind === 'vulnerability');
  const affected = vuln?.kind === 'vulnerability' ? vuln.affected : [];
  const pkg = (name: string) => affected.find((a) => a.package === name);

  it('claims Red Hat CSAF documents only', () => {
    expect(redhatCsafParser.detect(file(JSON.stringify(DOC)))).toBe(true);
    const other = {
      document: { category: 'csaf_security_advisory', publisher: { namespace: 'https://example.com' } },
    };
    expect(redhatCsafParser.detect(file(JSON.stringify(other)))).toBe(false);
    expect(redhatCsafParser.detect(file('{"format":"NVD_CVE"}'))).toBe(false);
  });

  it('describes the CVE with the advisory as alias and Red Hat impact as severity', () => {
    expect(vuln?.kind === 'vulnerability' && vuln.vulnerability).toMatchObject({
      id: 'CVE-2023-1111',
      aliases: ['RHSA-2023:9999'],
      summary: 'nodejs: flaw',
      description: 'A flaw in nodejs.',
      severity: 'high',
      published: '2023-05-01T00:00:00+00:00',
      provider: 'redhat',
    });
  });

  it('gives the main-stream source rpm EVR with its epoch, binaries and other products folded away', () => {
    expect(affected.filter((a) => a.package === 'nodejs')).toHaveLength(1);
    expect(pkg('nodejs')).toMatchObject({
      namespace: 'rhel:9',
      scheme: 'rpm',
      fixState: 'fixed',
      fixedVersions: ['1:16.20.2-1.module+el9.2.0+1+abc'],
      ranges: [{ fixed: '1:16.20.2-1.module+el9.2.0+1+abc' }],
      fixPublished: '2023-06-01T00:00:00+00:00',
      severity: 'high',
    });
  });

  it('maps affected and not-affected statuses by their remediation', () => {
    expect(pkg('oldlib')).toMatchObject({ fixState: 'wont-fix', ranges: [{}] });
    expect(pkg('gone')).toMatchObject({ fixState: 'not-fixed', ranges: [{}] });
    expect(pkg('libx')).toMatchObject({ fixState: 'not-affected', ranges: [] });
  });

  it('rejects a vulnerability without a CVE and a file that is not CSAF, never throwing', () => {
    expect(items.filter((item) => item.kind === 'rejected')).toEqual([
      {
        kind: 'rejected',
        location: 'csaf/rhsa-2023_9999.json#vulnerabilities[1]',
        reason: 'vulnerability without a cve id',
      },
    ]);
    expect([
      ...(redhatCsafParser.parse(file('{"document": {"category": "csaf_base"}}')) as Iterable<FeedItem>),
    ]).toEqual([
      expect.objectContaining({ kind: 'rejected', reason: 'not a CSAF security advisory or VEX document' }),
    ]);
    expect([...(redhatCsafParser.parse(file('{')) as Iterable<FeedItem>)]).toHaveLength(1);
  });

  it('reads past a purl whose percent escapes are malformed (found by fuzzing: a URIError escaped)', () => {
    const seed = FEED_SEEDS['redhat']![0]!.text;
    const broken = seed.replace(
      'pkg:rpm/redhat/openssl@3.0.7-27.el9_4',
      'pkg:rpm/redhat/open%zzssl@3.0.7-27%e9',
    );
    expect(broken).not.toBe(seed);
    const parsed = () => [...(redhatCsafParser.parse(file(broken)) as Iterable<FeedItem>)];
    expect(parsed).not.toThrow();
    expect(parsed().length).toBeGreaterThan(0);
  });
});
