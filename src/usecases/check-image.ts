import type { Sbom } from '../model/sbom.js';
import { bundleNeeds, evaluateWithGates } from '../policy/evaluate/index.js';
import { parseImageReference } from '../policy/mapping/index.js';
import type { EvaluationResult, PolicyBundle } from '../policy/types.js';
import { scanSbom } from '../scan/index.js';
import type { ScanReport } from '../scan/types.js';
import type { ImageVerification, TrustedKey } from '../signature/types.js';
import { catalogForBundle } from './bundle-catalog.js';
import { loadCheckBundle, type BundleInput } from './check-bundle.js';
import { analysedImageSignatures } from './image-signatures.js';
import { sbomImage } from './sbom-image.js';
import { scapForBundle } from './scap-for-bundle.js';
import type { AnalysisOptions, NamedPlugin, VulnerabilityData } from './types.js';
import {
  requireCoverage,
  requireVulnerabilityData,
  vulnerabilityDataExists,
  withVulnerabilityStore,
} from './vulnerability-store.js';

export interface CheckImageOptions extends Omit<AnalysisOptions, 'catalog'> {
  /**
   * Vulnerability data. Without it the image is not scanned and vulnerability rules cannot fire;
   * a location with no database there is an error when the bundle has vulnerability rules, and a
   * warning otherwise.
   */
  store?: VulnerabilityData;
  /** Gate plugins: rules name them `plugin:NAME`. */
  plugins?: readonly NamedPlugin[];
  /** Evaluate the image as this reference (mappings, allowed and denied images). */
  tag?: string;
  /** The Dockerfile the image was built from (text), for the dockerfile gate. */
  dockerfile?: string;
  /**
   * The previous image of the same tag (a source `sbomImage` reads), for drift rules: it is read
   * with the same options as the image, and scanned alike. Unused (with a warning) when no rule
   * of the bundle compares with it.
   */
  previous?: string;
  /** Public keys the `signature` gate trusts; its signatures are verified only when it is used. */
  trustedKeys?: readonly TrustedKey[];
}

export interface CheckImageResult {
  sbom: Sbom;
  scan?: ScanReport;
  result: EvaluationResult;
  bundle: PolicyBundle;
  warnings: string[];
  /** The image's signature verification, when the bundle uses the `signature` gate. */
  signatures?: ImageVerification;
}

/**
 * Certifies `source` against a policy bundle: collects what the bundle's rules need, scans when
 * there is vulnerability data, and evaluates. The analysis starts only once the bundle, the tag
 * and the vulnerability data are known to be usable.
 */
export async function checkImage(
  source: string,
  input: BundleInput,
  options: CheckImageOptions = {},
): Promise<CheckImageResult> {
  const { store, plugins, tag, dockerfile, previous, trustedKeys = [], ...analysis } = options;
  if (tag !== undefined) parseImageReference(tag);
  const { bundle, gates } = await loadCheckBundle(input, plugins, analysis.signal);
  const needs = bundleNeeds(bundle);
  const warnings: string[] = [];
  let data = store;
  if (data !== undefined && !vulnerabilityDataExists(data)) {
    if (needs.scan) requireVulnerabilityData(data);
    warnings.push(`no vulnerability database at ${data as string}: vulnerabilities not checked`);
    data = undefined;
  }
  if (previous !== undefined && !needs.previous)
    warnings.push('no rule of the bundle compares with the previous image: it was not read');
  const catalog = catalogForBundle(needs);
  const { sbom } = await sbomImage(source, { ...analysis, catalog });
  const before =
    previous !== undefined && needs.previous
      ? await sbomImage(previous, { ...analysis, catalog })
      : undefined;
  const scanOptions = {
    ...(analysis.now ? { now: analysis.now } : {}),
    ...(analysis.signal ? { signal: analysis.signal } : {}),
  };
  let scan: ScanReport | undefined;
  let previousScan: ScanReport | undefined;
  if (data !== undefined) {
    [scan, previousScan] = await withVulnerabilityStore(data, async (opened) => [
      await scanSbom(sbom, opened, scanOptions),
      before ? await scanSbom(before.sbom, opened, scanOptions) : undefined,
    ]);
    if (needs.scan) requireCoverage(scan!);
  }
  if (before) warnings.push(...before.warnings.map((w) => `previous image: ${w}`));
  const scap = await scapForBundle(bundle, source, analysis);
  // The scan's warnings include the SBOM's.
  warnings.push(...(scan ? scan.warnings : sbom.warnings));
  const signatures = needs.signature ? await analysedImageSignatures(sbom, trustedKeys, analysis) : undefined;
  if (needs.signature && trustedKeys.length === 0)
    warnings.push('the bundle has signature rules and no trusted keys were given: no signature can verify');
  const result = await evaluateWithGates(
    bundle,
    {
      sbom,
      ...(scan ? { scan } : {}),
      ...(dockerfile !== undefined ? { dockerfile } : {}),
      ...(before ? { previous: { sbom: before.sbom, ...(previousScan ? { scan: previousScan } : {}) } } : {}),
      ...(signatures ? { signatures } : {}),
      ...(scap ? { scap } : {}),
    },
    {
      ...(tag !== undefined ? { tag } : {}),
      now: analysis.now ?? new Date(),
      ...(analysis.signal ? { signal: analysis.signal } : {}),
    },
    gates,
  );
  return { sbom, ...(scan ? { scan } : {}), result, bundle, warnings, ...(signatures ? { signatures } : {}) };
}
