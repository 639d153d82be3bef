// Every gate once on the real polyglot image (USER appuser, EXPOSE 22/tcp 3000/tcp, a setuid
// shell, a GitHub token and an RSA key, openssl installed).
import { beforeAll, describe, expect, it } from 'vitest';
import type { Sbom } from '../../src/model/sbom.js';
import { alwaysGate } from '../../src/policy/gates/always/index.js';
import { dockerfileGate } from '../../src/policy/gates/dockerfile/index.js';
import { filesGate } from '../../src/policy/gates/files/index.js';
import { gradeGate } from '../../src/policy/gates/grade/index.js';
import { imageSourceGate } from '../../src/policy/gates/image-source/index.js';
import { licensesGate } from '../../src/policy/gates/licenses/index.js';
import { malwareGate } from '../../src/policy/gates/malware/index.js';
import { metadataGate } from '../../src/policy/gates/metadata/index.js';
import { packagesGate } from '../../src/policy/gates/packages/index.js';
import { passwdFileGate } from '../../src/policy/gates/passwd-file/index.js';
import { retrievedFilesGate } from '../../src/policy/gates/retrieved-files/index.js';
import { secretScansGate } from '../../src/policy/gates/secret-scans/index.js';
import type { GateContext } from '../../src/policy/gates/types.js';
import { generateSbom } from '../../src/sbom/generate-sbom.js';
import { fire, scanOf, vulnMatch } from '../helpers/policy-sbom.js';
import { getTestImages } from '../images/index.js';

let sbom: Sbom;
let context: GateContext;

beforeAll(async () => {
  const { polyglot } = getTestImages().images;
  sbom = await generateSbom(`oci-dir:${polyglot.ociDir}:${polyglot.tag}`);
  context = { sbom, now: new Date() };
});

describe('gates on the polyglot image', () => {
  it('always fires', () => {
    expect(fire(alwaysGate, 'always', context)).toEqual(['always']);
  });

  it('dockerfile: runs as appuser, exposes 22, has no supplied Dockerfile', () => {
    expect(fire(dockerfileGate, 'effective_user', context, { users: ['root'], type: 'blacklist' })).toEqual(
      [],
    );
    expect(fire(dockerfileGate, 'effective_user', context, { users: ['root'], type: 'whitelist' })).toEqual([
      'appuser',
    ]);
    expect(fire(dockerfileGate, 'exposed_ports', context, { ports: [22], type: 'blacklist' })).toEqual([
      '22/tcp',
    ]);
    expect(
      fire(dockerfileGate, 'instruction', context, { instruction: 'HEALTHCHECK', check: 'not_exists' }),
    ).toEqual([]);
    expect(fire(dockerfileGate, 'no_dockerfile_provided', context)).toEqual(['no_dockerfile']);
  });

  it('files: the setuid shell fires', () => {
    expect(fire(filesGate, 'suid_or_guid_set', context)).toContain('/usr/local/bin/suid-sh');
    expect(fire(filesGate, 'name_match', context, { regex: /\/usr\/local\/bin\/suid/ })).toEqual([
      '/usr/local/bin/suid-sh',
    ]);
  });

  it('passwd_file: /etc/passwd was retrieved and nopass has /bin/sh', () => {
    expect(fire(passwdFileGate, 'content_not_available', context)).toEqual([]);
    expect(fire(passwdFileGate, 'blacklist_shells', context, { shells: ['/bin/sh'] })).toEqual(['nopass']);
    expect(fire(passwdFileGate, 'blacklist_usernames', context, { user_names: ['appuser'] })).toEqual([
      'appuser',
    ]);
  });

  it('retrieved_files: /etc/passwd holds appuser', () => {
    expect(
      fire(retrievedFilesGate, 'content_regex', context, {
        path: '/etc/passwd',
        regex: /appuser:/,
        check: 'match',
      }),
    ).toEqual(['file:///etc/passwd']);
  });

  it('secret_scans: the leaked RSA key and token fire', () => {
    const ids = fire(secretScansGate, 'content_regex_checks', context, { match_type: 'found' });
    expect(ids).toContain('/root/.ssh/id_rsa+private-key');
    expect(ids.some((id) => id.startsWith('/srv/app/.env+'))).toBe(true);
  });

  it('licenses: GPL-licensed Debian packages are found by partial match', () => {
    expect(fire(licensesGate, 'blacklist_partial_match', context, { licenses: ['GPL'] })).toHaveLength(1);
    expect(fire(licensesGate, 'blacklist_exact_match', context, { licenses: ['No-Such-License'] })).toEqual(
      [],
    );
  });

  it('metadata: amd64 Debian 12 with 7 layers', () => {
    expect(
      fire(metadataGate, 'attribute', context, { attribute: 'distro', check: '=', value: 'debian' }),
    ).toHaveLength(1);
    expect(
      fire(metadataGate, 'attribute', context, {
        attribute: 'layer_count',
        check: '=',
        value: String(sbom.source.layers.length),
      }),
    ).toHaveLength(1);
    expect(
      fire(metadataGate, 'attribute', context, { attribute: 'size', check: '>', value: '10tb' }),
    ).toEqual([]);
  });

  it('malware: no scan ran by default', () => {
    expect(fire(malwareGate, 'scan_not_run', context)).toEqual(['malware scan not run']);
    expect(fire(malwareGate, 'scans', context)).toEqual([]);
  });

  it('packages: denied openssl fires, required openssl >= 3.0.0 holds', () => {
    const openssl = sbom.packages.find((p) => p.type === 'deb' && p.name === 'openssl');
    expect(fire(packagesGate, 'blacklist', context, { name: 'openssl' })).toEqual([
      `openssl@${openssl?.version}`,
    ]);
    expect(
      fire(packagesGate, 'required_package', context, {
        name: 'openssl',
        version: '3.0.0',
        version_match_type: 'minimum',
      }),
    ).toEqual([]);
    expect(fire(packagesGate, 'verify', context, { check: 'missing' })).toEqual([]);
  });

  it('image_source: a local OCI directory is not an allowed registry; its own base is approved', () => {
    expect(fire(imageSourceGate, 'allowed_registries', context, { registries: ['docker.io'] })).toEqual([
      'local:oci-dir',
    ]);
    const base = sbom.source.layers.slice(0, 1).map((l) => l.diffId ?? '');
    expect(fire(imageSourceGate, 'approved_base', context, { base_layers: base })).toEqual([]);
    expect(
      fire(imageSourceGate, 'approved_base', context, { base_layers: ['sha256:' + '0'.repeat(64)] }),
    ).toHaveLength(1);
  });

  it('grade: an old missing critical fix fails a minimum of B', () => {
    const scan = scanOf([
      vulnMatch('CVE-2020-0001', 'critical', 'fixed', { fixPublished: '2020-01-01T00:00:00Z' }),
    ]);
    expect(fire(gradeGate, 'minimum_grade', { ...context, scan }, { grade: 'B' })).toEqual([
      'grade F below B',
    ]);
  });
});
