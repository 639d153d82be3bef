import type { GateSpec } from '../gates/types.js';
import type { BundleProblem, PolicyBundle } from '../types.js';
import { parseAllowlists } from './parse-allowlists.js';
import { parseGrade, parseNoMappingAction } from './parse-extensions.js';
import { parsePolicies } from './parse-policies.js';
import { parseMappings, parseSelectors } from './parse-selectors.js';
import { checkVersion } from './parse-version.js';
import { ProblemSink, isDoc, optionalText, readList, readString } from './problem-sink.js';

export interface ParsedBundle {
  /** As much of the bundle as could be read; only trustworthy when `problems` is empty. */
  bundle: PolicyBundle;
  /** Every problem found, in document order within each section. */
  problems: BundleProblem[];
}

/**
 * Reads an Anchore 1_0 bundle document (already parsed from JSON or YAML) against a set of
 * gates, collecting every problem with its JSON path instead of stopping at the first.
 * Accepts both Anchore's and Customs' spellings of the allowlist and image-list fields.
 */
export function readBundle(doc: unknown, gates: readonly GateSpec[]): ParsedBundle {
  const sink = new ProblemSink();
  const bundle: PolicyBundle = {
    id: '',
    version: '',
    policies: [],
    allowlists: [],
    mappings: [],
    allowedImages: [],
    deniedImages: [],
  };
  if (!isDoc(doc)) {
    sink.add('$', 'a policy bundle must be an object', doc);
    return { bundle, problems: sink.problems };
  }
  bundle.id = readString(doc, 'id', '$', sink, true) ?? '';
  bundle.version = checkVersion(doc, '$', sink, true);
  const name = optionalText(doc, 'name', '$', sink);
  const comment = optionalText(doc, 'comment', '$', sink);
  if (name !== undefined) bundle.name = name;
  if (comment !== undefined) bundle.comment = comment;

  const policies = readList(doc, ['policies'], '$', sink, true);
  bundle.policies = parsePolicies(policies.items, policies.path, sink, gates);
  const allowlists = readList(doc, ['whitelists', 'allowlists'], '$', sink, false);
  bundle.allowlists = parseAllowlists(allowlists.items, allowlists.path, sink);
  const mappings = readList(doc, ['mappings'], '$', sink, true);
  bundle.mappings = parseMappings(mappings.items, mappings.path, sink, {
    policies: new Set(bundle.policies.map((p) => p.id)),
    allowlists: new Set(bundle.allowlists.map((a) => a.id)),
  });
  const allowed = readList(
    doc,
    ['whitelisted_images', 'allowlisted_images', 'allowed_images'],
    '$',
    sink,
    false,
  );
  bundle.allowedImages = parseSelectors(allowed.items, allowed.path, sink);
  const denied = readList(
    doc,
    ['blacklisted_images', 'denylisted_images', 'denied_images'],
    '$',
    sink,
    false,
  );
  bundle.deniedImages = parseSelectors(denied.items, denied.path, sink);

  const noMappingAction = parseNoMappingAction(doc, sink);
  const grade = parseGrade(doc, sink);
  if (noMappingAction !== undefined) bundle.noMappingAction = noMappingAction;
  if (grade !== undefined) bundle.grade = grade;
  return { bundle, problems: sink.problems };
}
