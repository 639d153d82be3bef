import { DRIFT_KINDS } from '../../drift/types.js';
import type { PolicyBundle, PolicyRule } from '../types.js';

/** What a bundle's rules need from the image's analysis. */
export interface BundleNeeds {
  /** A rule uses the vulnerability scan (gates `vulnerabilities`, `grade`). */
  scan: boolean;
  /** A rule looks at arbitrary files by name or attributes (`files/name_match`, `files/attribute_match`). */
  allFiles: boolean;
  /** A rule reads malware scan results (`malware`), so the scan should run. */
  malware: boolean;
  /** Paths `retrieved_files` rules read, so their content can be kept at analysis. */
  retrievedPaths: string[];
  /** A `drift` rule compares with the previous image, which must then be analysed alike. */
  previous: boolean;
  /** A `drift` rule looks at file changes: every file, with its digest, in both images. */
  fileDigests: boolean;
  /** A rule uses the `signature` gate, so the image's signatures must be verified. */
  signature: boolean;
}

const SCAN_GATES = new Set(['vulnerabilities', 'grade']);
const ALL_FILES_TRIGGERS = new Set(['files/name_match', 'files/attribute_match']);

function paramText(rule: PolicyRule, name: string): string | undefined {
  const typed = rule.values?.[name];
  if (typeof typed === 'string') return typed;
  return rule.params.find((p) => p.name.toLowerCase() === name)?.value;
}

/** The kinds a drift/changed rule names: every kind when it names none. */
function driftKindsOf(rule: PolicyRule): string[] {
  const typed = rule.values?.['kinds'];
  const listed = Array.isArray(typed) ? typed.map(String) : (paramText(rule, 'kinds') ?? '').split(/[,|]/);
  const kinds = listed.map((k) => k.trim()).filter((k) => k !== '');
  return kinds.length > 0 ? kinds : [...DRIFT_KINDS];
}

/** Reads the bundle's rules (every policy, mapped or not) for what the analysis must collect. */
export function bundleNeeds(bundle: PolicyBundle): BundleNeeds {
  const rules = bundle.policies.flatMap((policy) => policy.rules);
  const key = (rule: PolicyRule): string => `${rule.gate.toLowerCase()}/${rule.trigger.toLowerCase()}`;
  const paths = new Set<string>();
  for (const rule of rules) {
    if (rule.gate.toLowerCase() !== 'retrieved_files') continue;
    const path = paramText(rule, 'path');
    if (path) paths.add(path);
  }
  const driftRules = rules.filter((rule) => rule.gate.toLowerCase() === 'drift');
  const fileDigests = driftRules.some(
    (rule) =>
      rule.trigger.toLowerCase() === 'changed' && driftKindsOf(rule).some((k) => k.startsWith('file_')),
  );
  return {
    scan: rules.some((rule) => SCAN_GATES.has(rule.gate.toLowerCase())),
    allFiles: fileDigests || rules.some((rule) => ALL_FILES_TRIGGERS.has(key(rule))),
    malware: rules.some((rule) => rule.gate.toLowerCase() === 'malware'),
    retrievedPaths: [...paths],
    previous: driftRules.length > 0,
    fileDigests,
    signature: rules.some((rule) => rule.gate.toLowerCase() === 'signature'),
  };
}
