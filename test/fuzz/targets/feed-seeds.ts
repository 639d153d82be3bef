// Small files of each feed format, written here so that the short fuzz pass reaches every feed
// parser without ../shared (the shapes follow each publisher's format; the contents are made up).
const json = (value: unknown): string => JSON.stringify(value, null, 1);

export const FEED_SEEDS: Record<string, { name: string; text: string }[]> = {
  osv: [
    {
      name: 'GHSA-fuzz-0000-0001.json',
      text: json({
        schema_version: '1.6.0',
        id: 'GHSA-fuzz-0000-0001',
        modified: '2024-05-01T00:00:00Z',
        published: '2024-04-01T00:00:00Z',
        aliases: ['CVE-2024-0001'],
        summary: 'a test record',
        severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' }],
        affected: [
          {
            package: { ecosystem: 'npm', name: 'lodash', purl: 'pkg:npm/lodash' },
            ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '4.17.21' }] }],
            versions: ['4.17.20'],
          },
          {
            package: { ecosystem: 'Debian:12', name: 'openssl' },
            ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '3.0.13-1~deb12u1' }] }],
          },
          {
            package: { ecosystem: 'PyPI', name: 'requests' },
            ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '2.0' }, { last_affected: '2.31.0' }] }],
          },
        ],
        references: [{ type: 'ADVISORY', url: 'https://example.invalid/advisory' }],
      }),
    },
  ],
  epss: [
    {
      name: 'epss_scores-2024-05-01.csv',
      text: '#model_version:v2023.03.01,score_date:2024-05-01T00:00:00+0000\ncve,epss,percentile\nCVE-2024-0001,0.97,0.999\nCVE-2024-0002,0.00042,0.05\n',
    },
  ],
  kev: [
    {
      name: 'known_exploited_vulnerabilities.json',
      text: json({
        title: 'CISA Catalog of Known Exploited Vulnerabilities',
        catalogVersion: '2024.05.01',
        dateReleased: '2024-05-01T12:00:00.000Z',
        count: 1,
        vulnerabilities: [
          {
            cveID: 'CVE-2024-0001',
            vendorProject: 'Acme',
            product: 'Widget',
            vulnerabilityName: 'Acme Widget RCE',
            dateAdded: '2024-04-02',
            shortDescription: 'remote code execution',
            requiredAction: 'Apply updates.',
            dueDate: '2024-04-23',
            knownRansomwareCampaignUse: 'Known',
            notes: '',
          },
        ],
      }),
    },
  ],
  nvd: [
    {
      name: 'nvdcve-2.0-2024.json',
      text: json({
        resultsPerPage: 1,
        startIndex: 0,
        totalResults: 1,
        format: 'NVD_CVE',
        version: '2.0',
        timestamp: '2024-05-01T00:00:00.000',
        vulnerabilities: [
          {
            cve: {
              id: 'CVE-2024-0001',
              published: '2024-04-01T00:00:00.000',
              lastModified: '2024-04-02T00:00:00.000',
              vulnStatus: 'Analyzed',
              descriptions: [{ lang: 'en', value: 'a test record' }],
              metrics: {
                cvssMetricV31: [
                  {
                    source: 'nvd@nist.gov',
                    type: 'Primary',
                    cvssData: {
                      version: '3.1',
                      vectorString: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
                      baseScore: 9.8,
                      baseSeverity: 'CRITICAL',
                    },
                  },
                ],
              },
              configurations: [
                {
                  nodes: [
                    {
                      operator: 'OR',
                      negate: false,
                      cpeMatch: [
                        {
                          vulnerable: true,
                          criteria: 'cpe:2.3:a:acme:widget:*:*:*:*:*:*:*:*',
                          versionEndExcluding: '2.0.1',
                        },
                      ],
                    },
                  ],
                },
              ],
              references: [{ url: 'https://example.invalid/cve', source: 'nvd@nist.gov' }],
            },
          },
        ],
      }),
    },
  ],
  debian: [
    {
      name: 'tracker.json',
      text: json({
        openssl: {
          'CVE-2024-0001': {
            description: 'a test record',
            scope: 'remote',
            releases: {
              bookworm: {
                status: 'resolved',
                repositories: { bookworm: '3.0.13-1~deb12u1' },
                fixed_version: '3.0.13-1~deb12u1',
                urgency: 'medium',
              },
              trixie: { status: 'open', repositories: { trixie: '3.1.5-1' }, urgency: 'not yet assigned' },
            },
          },
        },
      }),
    },
  ],
  'debian-dsa': [
    {
      name: 'DSA-list',
      text: '[01 May 2024] DSA-5678-1 openssl - security update\n\t{CVE-2024-0001 CVE-2024-0002}\n\t[bookworm] - openssl 3.0.13-1~deb12u1\n\t[bullseye] - openssl 1.1.1w-0+deb11u2\n[15 Apr 2024] DSA-5670-1 curl - security update\n\t{CVE-2024-0003}\n\t[bookworm] - curl 7.88.1-10+deb12u6\n',
    },
  ],
  'alpine-secdb': [
    {
      name: 'main.json',
      text: json({
        apkurl: '{{urlprefix}}/{{distroversion}}/{{reponame}}/{{arch}}/{{pkg.name}}-{{pkg.ver}}.apk',
        archs: ['x86_64'],
        reponame: 'main',
        urlprefix: 'https://dl-cdn.alpinelinux.org/alpine',
        distroversion: 'v3.19',
        packages: [
          { pkg: { name: 'openssl', secfixes: { '3.1.4-r5': ['CVE-2024-0001'], '0': ['CVE-2023-9999'] } } },
        ],
      }),
    },
  ],
  'nodejs-security-wg': [
    {
      name: '123.json',
      text: json({
        id: 123,
        created_at: '2024-04-01',
        updated_at: '2024-04-02',
        title: 'Prototype pollution',
        author: { name: 'someone', website: null, username: null },
        module_name: 'lodash',
        publish_date: '2024-04-01',
        cves: ['CVE-2024-0001'],
        vulnerable_versions: '<4.17.21',
        patched_versions: '>=4.17.21',
        overview: 'a test record',
        cvss_vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
        cvss_score: 9.8,
      }),
    },
  ],
  friendsofphp: [
    {
      name: '2024-04-01.yaml',
      text: "title: Remote code execution\nlink: https://example.invalid/advisory\ncve: CVE-2024-0001\nbranches:\n    2.x:\n        time: 2024-04-01 00:00:00\n        versions: ['>=2.0.0', '<2.5.1']\n    3.x:\n        time: 2024-04-01 00:00:00\n        versions: ['>=3.0.0', '<3.0.4']\nreference: composer://monolog/monolog\n",
    },
  ],
  rubysec: [
    {
      name: 'CVE-2024-0001.yml',
      text: '---\ngem: rack\ncve: 2024-0001\nghsa: abcd-efgh-ijkl\nurl: https://example.invalid/advisory\ntitle: Denial of service\ndate: 2024-04-01\ndescription: a test record\ncvss_v3: 7.5\npatched_versions:\n  - "~> 2.2.9"\n  - ">= 3.0.10"\nunaffected_versions:\n  - "< 1.0"\n',
    },
  ],
  redhat: [
    {
      name: 'rhsa-2024_0001.json',
      text: json({
        document: {
          category: 'csaf_security_advisory',
          csaf_version: '2.0',
          publisher: {
            category: 'vendor',
            name: 'Red Hat Product Security',
            namespace: 'https://www.redhat.com',
          },
          title: 'Red Hat Security Advisory: openssl security update',
          tracking: {
            id: 'RHSA-2024:0001',
            current_release_date: '2024-05-01T00:00:00+00:00',
            status: 'final',
            version: '1',
          },
          aggregate_severity: { text: 'Important' },
        },
        product_tree: {
          branches: [
            {
              category: 'vendor',
              name: 'Red Hat',
              branches: [
                {
                  category: 'product_family',
                  name: 'Red Hat Enterprise Linux',
                  branches: [
                    {
                      category: 'product_name',
                      name: 'Red Hat Enterprise Linux 9',
                      product: {
                        name: 'Red Hat Enterprise Linux 9',
                        product_id: 'BaseOS-9.4.0.Z',
                        product_identification_helper: { cpe: 'cpe:/o:redhat:enterprise_linux:9::baseos' },
                      },
                    },
                  ],
                },
                {
                  category: 'product_version',
                  name: 'openssl-1:3.0.7-27.el9_4.x86_64',
                  product: {
                    name: 'openssl-1:3.0.7-27.el9_4.x86_64',
                    product_id: 'openssl-1:3.0.7-27.el9_4.x86_64',
                    product_identification_helper: {
                      purl: 'pkg:rpm/redhat/openssl@3.0.7-27.el9_4?arch=x86_64&epoch=1',
                    },
                  },
                },
              ],
            },
          ],
          relationships: [
            {
              category: 'default_component_of',
              full_product_name: {
                name: 'openssl on RHEL 9',
                product_id: 'BaseOS-9.4.0.Z:openssl-1:3.0.7-27.el9_4.x86_64',
              },
              product_reference: 'openssl-1:3.0.7-27.el9_4.x86_64',
              relates_to_product_reference: 'BaseOS-9.4.0.Z',
            },
          ],
        },
        vulnerabilities: [
          {
            cve: 'CVE-2024-0001',
            product_status: { fixed: ['BaseOS-9.4.0.Z:openssl-1:3.0.7-27.el9_4.x86_64'] },
            threats: [{ category: 'impact', details: 'Important' }],
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
          },
        ],
      }),
    },
  ],
};
