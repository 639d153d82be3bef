import { describe, expect, it } from 'vitest';
import { bundleNeeds } from './bundle-needs.js';
import { bundleOf, policy, rule } from './testdata/stand-in-gates.js';

describe('bundleNeeds', () => {
  it('needs nothing extra for rules that read the default analysis', () => {
    const bundle = bundleOf({
      policies: [policy('p', [rule('r', 'exposed_ports', 'STOP', {}, 'dockerfile')])],
    });
    expect(bundleNeeds(bundle)).toEqual({
      scan: false,
      allFiles: false,
      malware: false,
      retrievedPaths: [],
      previous: false,
      fileDigests: false,
      signature: false,
    });
  });

  it('reads what vulnerability, grade, files, malware and retrieved_files rules need', () => {
    const bundle = bundleOf({
      policies: [
        policy('a', [
          rule('r1', 'minimum_grade', 'WARN', {}, 'grade'),
          rule('r2', 'NAME_MATCH', 'STOP', {}, 'Files'),
        ]),
        policy('b', [
          rule('r3', 'content_regex', 'STOP', { path: '/etc/app.conf' }, 'retrieved_files'),
          rule('r4', 'content_not_available', 'WARN', { path: '/etc/app.conf' }, 'retrieved_files'),
          rule('r5', 'scans', 'STOP', {}, 'malware'),
        ]),
      ],
    });
    expect(bundleNeeds(bundle)).toEqual({
      scan: true,
      allFiles: true,
      malware: true,
      retrievedPaths: ['/etc/app.conf'],
      previous: false,
      fileDigests: false,
      signature: false,
    });
  });

  it('a drift rule needs the previous image, and every file with its digest only when it compares files', () => {
    const needs = (params: Record<string, string>) =>
      bundleNeeds(bundleOf({ policies: [policy('p', [rule('r', 'changed', 'STOP', params, 'drift')])] }));
    expect(needs({})).toMatchObject({ previous: true, fileDigests: true, allFiles: true });
    expect(needs({ kinds: 'package_added,config_changed' })).toMatchObject({
      previous: true,
      fileDigests: false,
      allFiles: false,
    });
    expect(needs({ kinds: 'file_removed' })).toMatchObject({ fileDigests: true, allFiles: true });
    const onlyFirst = bundleOf({ policies: [policy('p', [rule('r', 'no_previous', 'WARN', {}, 'drift')])] });
    expect(bundleNeeds(onlyFirst)).toMatchObject({ previous: true, fileDigests: false });
  });

  it('a signature rule needs the signatures verified', () => {
    const bundle = bundleOf({
      policies: [policy('p', [rule('r', 'unsigned', 'STOP', {}, 'Signature')])],
    });
    expect(bundleNeeds(bundle).signature).toBe(true);
  });

  it('suid_or_guid_set alone does not need the full inventory', () => {
    const bundle = bundleOf({
      policies: [policy('p', [rule('r', 'suid_or_guid_set', 'STOP', {}, 'files')])],
    });
    expect(bundleNeeds(bundle).allFiles).toBe(false);
  });
});
