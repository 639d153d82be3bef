import { BundleDocumentSchema } from '../../schema/bundle.js';
import type { GateSpec } from '../gates/types.js';
import type { BundleProblem, PolicyBundle } from '../types.js';
import { parseAllowlists } from './parse-allowlists.js';
import { parseGrade, parseNoMappingAction } from './parse-extensions.js';
import { parsePolicies } from './parse-policies.js';
import { parseMappings, parseSelectors } from './parse-selectors.js';
import { versionOf } from './parse-version.js';
import { ProblemSink, isDoc, readList, stringOf, textOf, withoutNulls } from './problem-sink.js';

export interface ParsedBundle {
  /** As much of the bundle as could be read; only trustworthy when `problems` is empty. */
  bundle: PolicyBundle;
  /** Every problem found, in document order within each section. */
  problems: BundleProblem[];
}

/**
 * Reads an Anchore 1_0 bundle document (already parsed from JSON or YAML) against a set of
 * gates, collecting every problem with its JSON path instead of stopping at the first: the
 * shape from the bundle schema (src/schema/bundle.ts), the rest (gates, triggers, parameters,
 * ids, patterns, dates) from the parsers here. Accepts both Anchore's and Customs' spellings of
 * the allowlist and image-list fields.
 */
export function readBundle(input: unknown, gates: readonly GateSpec[]): ParsedBundle {
  const sink = new ProblemSink();
  const doc = withoutNulls(input);
  const bundle: PolicyBundle = {
    id: '',
    version: '',
    policies: [],
    allowlists: [],
    mappings: [],
    allowedImages: [],
    deniedImages: [],
  };
  if (!isDoc(doc)) return { bundle, problems: sink.problems(BundleDocumentSchema, doc) };
  bundle.id = textOf(doc.id) ?? '';
  bundle.version = versionOf(doc.version);
  const name = stringOf(doc.name);
  const comment = stringOf(doc.comment);
  if (name !== undefined) bundle.name = name;
  if (comment !== undefined) bundle.comment = comment;

  const policies = readList(doc, ['policies'], '$', sink);
  bundle.policies = parsePolicies(policies.items, policies.path, sink, gates);
  const allowlists = readList(doc, ['whitelists', 'allowlists'], '$', sink);
  bundle.allowlists = parseAllowlists(allowlists.items, allowlists.path, sink);
  const mappings = readList(doc, ['mappings'], '$', sink);
  bundle.mappings = parseMappings(mappings.items, mappings.path, sink, {
    policies: new Set(bundle.policies.map((p) => p.id)),
    allowlists: new Set(bundle.allowlists.map((a) => a.id)),
  });
  const allowed = readList(doc, ['whitelisted_images', 'allowlisted_images', 'allowed_images'], '$', sink);
  bundle.allowedImages = parseSelectors(allowed.items);
  const denied = readList(doc, ['blacklisted_images', 'denylisted_images', 'denied_images'], '$', sink);
  bundle.deniedImages = parseSelectors(denied.items);

  const noMappingAction = parseNoMappingAction(doc);
  const grade = parseGrade(doc, sink);
  if (noMappingAction !== undefined) bundle.noMappingAction = noMappingAction;
  if (grade !== undefined) bundle.grade = grade;
  return { bundle, problems: sink.problems(BundleDocumentSchema, doc) };
}
