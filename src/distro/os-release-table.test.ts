import { describe, expect, it } from 'vitest';
import { memoryFileView } from '../../test/helpers/memory-file-view.js';
import { detectDistro, wantsDistroFile } from './detect-distro.js';
import { distroFromSuseRelease } from './suse-release.js';

/** os-release files as these distros publish them (trimmed of URL lines that change nothing). */
const OS_RELEASES: Array<[string, string, { id: string; versionId: string; versionCodename?: string }]> = [
  [
    'Ubuntu 22.04',
    'PRETTY_NAME="Ubuntu 22.04.4 LTS"\nNAME="Ubuntu"\nVERSION_ID="22.04"\nVERSION="22.04.4 LTS (Jammy Jellyfish)"\nVERSION_CODENAME=jammy\nID=ubuntu\nID_LIKE=debian\nUBUNTU_CODENAME=jammy\n',
    { id: 'ubuntu', versionId: '22.04', versionCodename: 'jammy' },
  ],
  [
    'Alpine 3.19',
    'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.19.1\nPRETTY_NAME="Alpine Linux v3.19"\nHOME_URL="https://alpinelinux.org/"\n',
    { id: 'alpine', versionId: '3.19.1' },
  ],
  [
    'UBI 9 (RHEL)',
    'NAME="Red Hat Enterprise Linux"\nVERSION="9.3 (Plow)"\nID="rhel"\nID_LIKE="fedora"\nVERSION_ID="9.3"\nPLATFORM_ID="platform:el9"\nPRETTY_NAME="Red Hat Enterprise Linux 9.3 (Plow)"\nANSI_COLOR="0;31"\nCPE_NAME="cpe:/o:redhat:enterprise_linux:9::baseos"\n',
    { id: 'rhel', versionId: '9.3' },
  ],
  [
    'CentOS 7',
    'NAME="CentOS Linux"\nVERSION="7 (Core)"\nID="centos"\nID_LIKE="rhel fedora"\nVERSION_ID="7"\nPRETTY_NAME="CentOS Linux 7 (Core)"\nCPE_NAME="cpe:/o:centos:centos:7"\n',
    { id: 'centos', versionId: '7' },
  ],
  [
    'CentOS Stream 9',
    'NAME="CentOS Stream"\nVERSION="9"\nID="centos"\nID_LIKE="rhel fedora"\nVERSION_ID="9"\nPLATFORM_ID="platform:el9"\nPRETTY_NAME="CentOS Stream 9"\n',
    { id: 'centos', versionId: '9' },
  ],
  [
    'Rocky 9',
    'NAME="Rocky Linux"\nVERSION="9.3 (Blue Onyx)"\nID="rocky"\nID_LIKE="rhel centos fedora"\nVERSION_ID="9.3"\nPLATFORM_ID="platform:el9"\nPRETTY_NAME="Rocky Linux 9.3 (Blue Onyx)"\n',
    { id: 'rocky', versionId: '9.3' },
  ],
  [
    'AlmaLinux 9',
    'NAME="AlmaLinux"\nVERSION="9.3 (Shamrock Pampas Cat)"\nID="almalinux"\nID_LIKE="rhel centos fedora"\nVERSION_ID="9.3"\nPLATFORM_ID="platform:el9"\nPRETTY_NAME="AlmaLinux 9.3 (Shamrock Pampas Cat)"\n',
    { id: 'almalinux', versionId: '9.3' },
  ],
  [
    'Fedora 39',
    'NAME="Fedora Linux"\nVERSION="39 (Container Image)"\nID=fedora\nVERSION_ID=39\nVERSION_CODENAME=""\nPLATFORM_ID="platform:f39"\nPRETTY_NAME="Fedora Linux 39 (Container Image)"\nVARIANT_ID=container\n',
    { id: 'fedora', versionId: '39' },
  ],
  [
    'Amazon Linux 2',
    'NAME="Amazon Linux"\nVERSION="2"\nID="amzn"\nID_LIKE="centos rhel fedora"\nVERSION_ID="2"\nPRETTY_NAME="Amazon Linux 2"\nCPE_NAME="cpe:2.3:o:amazon:amazon_linux:2"\n',
    { id: 'amzn', versionId: '2' },
  ],
  [
    'Amazon Linux 2023',
    'NAME="Amazon Linux"\nVERSION="2023"\nID="amzn"\nID_LIKE="fedora"\nVERSION_ID="2023"\nPLATFORM_ID="platform:al2023"\nPRETTY_NAME="Amazon Linux 2023.3.20240219"\n',
    { id: 'amzn', versionId: '2023' },
  ],
  [
    'SLES 15 SP5 (BCI)',
    'NAME="SLES"\nVERSION="15-SP5"\nVERSION_ID="15.5"\nPRETTY_NAME="SUSE Linux Enterprise Server 15 SP5"\nID="sles"\nID_LIKE="suse"\nANSI_COLOR="0;32"\nCPE_NAME="cpe:/o:suse:sles:15:sp5"\n',
    { id: 'sles', versionId: '15.5' },
  ],
  [
    'openSUSE Leap 15.5',
    'NAME="openSUSE Leap"\nVERSION="15.5"\nID="opensuse-leap"\nID_LIKE="suse opensuse"\nVERSION_ID="15.5"\nPRETTY_NAME="openSUSE Leap 15.5"\n',
    { id: 'opensuse-leap', versionId: '15.5' },
  ],
  [
    'openSUSE Tumbleweed',
    'NAME="openSUSE Tumbleweed"\n# VERSION="20240301"\nID="opensuse-tumbleweed"\nID_LIKE="opensuse suse"\nVERSION_ID="20240301"\nPRETTY_NAME="openSUSE Tumbleweed"\n',
    { id: 'opensuse-tumbleweed', versionId: '20240301' },
  ],
  [
    'Oracle Linux 9',
    'NAME="Oracle Linux Server"\nVERSION="9.3"\nID="ol"\nID_LIKE="fedora"\nVARIANT="Server"\nVERSION_ID="9.3"\nPRETTY_NAME="Oracle Linux Server 9.3"\n',
    { id: 'ol', versionId: '9.3' },
  ],
  [
    'Wolfi',
    'ID=wolfi\nNAME="Wolfi"\nPRETTY_NAME="Wolfi"\nVERSION_ID="20230201"\nHOME_URL="https://wolfi.dev"\n',
    { id: 'wolfi', versionId: '20230201' },
  ],
  [
    'Chainguard',
    'ID=chainguard\nNAME="Chainguard"\nPRETTY_NAME="Chainguard"\nVERSION_ID="20230214"\nHOME_URL="https://chainguard.dev/"\n',
    { id: 'chainguard', versionId: '20230214' },
  ],
  [
    'distroless (Debian 12)',
    'PRETTY_NAME="Distroless"\nNAME="Debian GNU/Linux"\nID="debian"\nVERSION_ID="12"\nVERSION="Debian GNU/Linux 12 (bookworm)"\nHOME_URL="https://github.com/GoogleContainerTools/distroless"\n',
    { id: 'debian', versionId: '12' },
  ],
];

describe('detectDistro from real os-release files', () => {
  it.each(OS_RELEASES)('%s', (_label, content, expected) => {
    const distro = detectDistro(memoryFileView([{ path: '/etc/os-release', content }]));
    expect(distro).toMatchObject({ ...expected, source: '/etc/os-release' });
  });
});

describe('release files without os-release', () => {
  it.each([
    ['/etc/fedora-release', 'Fedora release 39 (Thirty Nine)\n', { id: 'fedora', versionId: '39' }],
    ['/etc/rocky-release', 'Rocky Linux release 9.3 (Blue Onyx)\n', { id: 'rocky', versionId: '9.3' }],
    [
      '/etc/almalinux-release',
      'AlmaLinux release 8.9 (Midnight Oncilla)\n',
      { id: 'almalinux', versionId: '8.9' },
    ],
    ['/etc/oracle-release', 'Oracle Linux Server release 7.9\n', { id: 'ol', versionId: '7.9' }],
    [
      '/etc/SuSE-release',
      'SUSE Linux Enterprise Server 11 (x86_64)\nVERSION = 11\nPATCHLEVEL = 4\n',
      { id: 'sles', versionId: '11.4' },
    ],
    [
      '/etc/SuSE-release',
      'openSUSE 13.2 (x86_64)\nVERSION = 13.2\nCODENAME = Harlequin\n',
      { id: 'opensuse', versionId: '13.2' },
    ],
  ])('%s: %j', (path, content, expected) => {
    expect(wantsDistroFile(path)).toBe(true);
    expect(detectDistro(memoryFileView([{ path, content }]))).toMatchObject({ ...expected, source: path });
  });

  it('SuSE-release without a version or of another vendor names nothing', () => {
    expect(distroFromSuseRelease('SUSE Linux Enterprise Server 11 (x86_64)\n', 's')).toBeNull();
    expect(distroFromSuseRelease('Foo Linux\nVERSION = 1\n', 's')).toBeNull();
  });
});
