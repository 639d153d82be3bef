import { describe, expect, it } from 'vitest';
import { fire, gateContext, policySbom } from '../../../../test/helpers/policy-sbom.js';
import type { ParamValue } from '../types.js';
import { retrievedFilesGate } from './index.js';

const context = gateContext();

const cases: [string, string, Record<string, ParamValue>, string[]][] = [
  [
    'content_not_available does not fire for a retrieved file',
    'content_not_available',
    { path: '/etc/passwd' },
    [],
  ],
  [
    'content_not_available fires for another path',
    'content_not_available',
    { path: '/etc/httpd.conf' },
    ['file:///etc/httpd.conf'],
  ],
  [
    'content_regex match fires when a word matches',
    'content_regex',
    { path: '/etc/passwd', regex: /nopass:/, check: 'match' },
    ['file:///etc/passwd'],
  ],
  [
    'content_regex match is anchored at the start of a word',
    'content_regex',
    { path: '/etc/passwd', regex: /x:1001/, check: 'match' },
    [],
  ],
  [
    'content_regex no_match fires when no word matches',
    'content_regex',
    { path: '/etc/passwd', regex: /ghost/, check: 'no_match' },
    ['file:///etc/passwd'],
  ],
  [
    'content_regex no_match does not fire on a match',
    'content_regex',
    { path: '/etc/passwd', regex: /root/, check: 'no_match' },
    [],
  ],
  [
    'content_regex on a file not retrieved does not fire',
    'content_regex',
    { path: '/etc/shadow', regex: /.*/, check: 'match' },
    [],
  ],
];

describe('retrieved_files gate', () => {
  it.each(cases)('%s', (_, trigger, params, expected) => {
    expect(fire(retrievedFilesGate, trigger, context, params)).toEqual(expected);
  });

  it('never throws without retrieved files', () => {
    const bare = gateContext(policySbom({ retrievedFiles: undefined as never }));
    expect(fire(retrievedFilesGate, 'content_not_available', bare, { path: '/etc/passwd' })).toEqual([
      'file:///etc/passwd',
    ]);
  });
});
