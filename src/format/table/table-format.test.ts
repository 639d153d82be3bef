import { describe, expect, it } from 'vitest';
import { sampleSbom } from '../cyclonedx-json/testdata/sample-sbom.js';
import { tableFormat } from './table-format.js';

describe('table format', () => {
  it('lists packages, then secrets (redacted), notable files, users, unknowns and warnings', () => {
    const sbom = sampleSbom();
    sbom.secrets = [
      {
        ruleId: 'github-pat',
        category: 'GitHub',
        title: 'GitHub token',
        severity: 'CRITICAL',
        path: '/srv/app/.env',
        layer: 'sha256:' + 'a'.repeat(64),
        layerIndex: 3,
        line: 2,
        match: 'GITHUB_TOKEN=****************',
      },
    ];
    sbom.files = [
      {
        path: '/usr/bin/su',
        type: 'file',
        mode: 0o4755,
        modeText: '4755',
        uid: 0,
        gid: 0,
        size: 1,
        flags: ['setuid'],
      },
      {
        path: '/tmp',
        type: 'dir',
        mode: 0o1777,
        modeText: '1777',
        uid: 0,
        gid: 0,
        size: 0,
        flags: ['world-writable', 'sticky'],
      },
    ];
    sbom.users = [
      { name: 'root', uid: 0, gid: 0, shell: '/bin/bash', groups: ['root'], loginShell: true },
      {
        name: 'nopass',
        uid: 1001,
        gid: 1001,
        shell: '/bin/sh',
        groups: [],
        loginShell: true,
        emptyPassword: true,
      },
      { name: 'daemon', uid: 1, gid: 1, shell: '/usr/sbin/nologin', groups: [], loginShell: false },
    ];
    sbom.unknowns = [
      { path: '/app/package.json', cataloger: 'npm', message: 'package.json is not valid JSON' },
    ];
    sbom.warnings = ['no Linux distribution detected'];
    const text = tableFormat.encode(sbom);
    expect(text).toMatch(/^NAME\s+VERSION\s+TYPE\n/);
    expect(text).toContain('\nSecrets (1)\n');
    expect(text).toMatch(
      /github-pat\s+CRITICAL\s+\/srv\/app\/\.env:2\s+#4 sha256:aaaaaaaaaaaa\s+GITHUB_TOKEN=\*+/,
    );
    expect(text).toMatch(
      /Notable files \(2\)\n[^\n]*\n4755\s+0:0\s+setuid\s+\/usr\/bin\/su\n1777\s+0:0\s+world-writable,sticky\s+\/tmp\n/,
    );
    expect(text).toMatch(/nopass\s+1001\s+\/bin\/sh\s+empty password/);
    expect(text).not.toContain('daemon');
    expect(text).toContain('npm        /app/package.json  package.json is not valid JSON');
    expect(text).toContain('Warnings\n- no Linux distribution detected\n');
  });

  it('says so when there is nothing, and adds no empty sections', () => {
    const sbom = {
      ...sampleSbom(),
      packages: [],
      secrets: [],
      files: [],
      users: [],
      unknowns: [],
      warnings: [],
    };
    expect(tableFormat.encode(sbom)).toBe('No packages discovered\n');
  });
});
