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
      signature: false,
    });
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
