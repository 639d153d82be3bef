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
  return {
    scan: rules.some((rule) => SCAN_GATES.has(rule.gate.toLowerCase())),
    allFiles: rules.some((rule) => ALL_FILES_TRIGGERS.has(key(rule))),
    malware: rules.some((rule) => rule.gate.toLowerCase() === 'malware'),
    retrievedPaths: [...paths],
    signature: rules.some((rule) => rule.gate.toLowerCase() === 'signature'),
  };
}
