import { parseMetadataHeaders } from './email-header.js';
import { needsExtra, parseRequirement } from './requirement.js';

/** What a METADATA / PKG-INFO file says about an installed distribution. */
export interface CoreMetadata {
  name: string;
  /** '' when the file has no Version (importlib.metadata lists such a distribution too). */
  version: string;
  licenses: string[];
  summary?: string;
  author?: string;
  authorEmail?: string;
  homepage?: string;
  requiresPython?: string;
  /** Requires-Dist values as written. */
  requiresDist: string[];
  /** Normalisable names of the unconditional requirements (not those behind an extra). */
  dependsOn: string[];
  platform?: string;
}

export type CoreMetadataOutcome =
  { kind: 'distribution'; metadata: CoreMetadata } | { kind: 'empty' } | { kind: 'invalid'; message: string };

/** Trove classifiers whose SPDX id is unambiguous. */
const CLASSIFIER_SPDX: Record<string, string> = {
  'MIT License': 'MIT',
  'ISC License (ISCL)': 'ISC',
  'Python Software Foundation License': 'PSF-2.0',
  'Mozilla Public License 2.0 (MPL 2.0)': 'MPL-2.0',
  'The Unlicense (Unlicense)': 'Unlicense',
  'Apache Software License': 'Apache-2.0',
  'BSD License': 'BSD-3-Clause',
};

function classifierLicenses(classifiers: string[]): string[] {
  return classifiers
    .filter((c) => c.startsWith('License ::'))
    .map((c) => c.split('::').map((p) => p.trim()))
    .map((parts) => parts[parts.length - 1] ?? '')
    .filter((last) => last !== '' && last !== 'OSI Approved')
    .map((last) => CLASSIFIER_SPDX[last] ?? last);
}

function present(value: string | undefined): string | undefined {
  const v = value?.trim();
  return v && v.toUpperCase() !== 'UNKNOWN' ? v : undefined;
}

/** License-Expression (PEP 639) first, then a short License field, then License classifiers. */
function licensesOf(headers: ReturnType<typeof parseMetadataHeaders>): string[] {
  const expression = present(headers.get('License-Expression'));
  if (expression) return [expression];
  const license = present(headers.get('License'));
  if (license && !license.includes('\n') && license.length <= 80) return [license];
  return [...new Set(classifierLicenses(headers.all('Classifier')))];
}

function homepageOf(headers: ReturnType<typeof parseMetadataHeaders>): string | undefined {
  const direct = present(headers.get('Home-page'));
  if (direct) return direct;
  for (const entry of headers.all('Project-URL')) {
    const [label = '', url = ''] = entry.split(/,(.*)/s);
    if (/^home\s*-?\s*page$/i.test(label.trim()) && url.trim()) return url.trim();
  }
  return undefined;
}

/** Parses a core-metadata file; never throws. */
export function parseCoreMetadata(text: string): CoreMetadataOutcome {
  if (text.trim() === '') return { kind: 'empty' };
  const headers = parseMetadataHeaders(text);
  const name = present(headers.get('Name'));
  if (!name) {
    return {
      kind: 'invalid',
      message: headers.size === 0 ? 'not a core-metadata file (no headers)' : 'core metadata has no Name',
    };
  }
  const requiresDist = headers.all('Requires-Dist');
  const dependsOn = requiresDist
    .map(parseRequirement)
    .filter((r) => r !== undefined && !needsExtra(r))
    .map((r) => r?.name as string);
  const metadata: CoreMetadata = {
    name,
    version: present(headers.get('Version')) ?? '',
    licenses: licensesOf(headers),
    requiresDist,
    dependsOn,
  };
  const optional = {
    summary: present(headers.get('Summary')),
    author: present(headers.get('Author')),
    authorEmail: present(headers.get('Author-email')),
    homepage: homepageOf(headers),
    requiresPython: present(headers.get('Requires-Python')),
    platform: present(headers.get('Platform')),
  };
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined) (metadata as unknown as Record<string, unknown>)[key] = value;
  }
  return { kind: 'distribution', metadata };
}

/** Unconditional requirement names of an egg-info `requires.txt` (lines before any `[section]`). */
export function parseRequiresTxt(text: string): string[] {
  const names: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (trimmed.startsWith('[')) break;
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const requirement = parseRequirement(trimmed);
    if (requirement) names.push(requirement.name);
  }
  return names;
}
