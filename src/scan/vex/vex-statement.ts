import type { SbomSource } from '../../model/sbom.js';
import type { Match } from '../types.js';

export type VexStatus = 'not_affected' | 'fixed' | 'affected' | 'under_investigation';

/** One statement of a VEX document, whatever its format (OpenVEX, CycloneDX). */
export interface VexStatement {
  /** The vulnerability and its other names as the statement gives them. */
  ids: string[];
  /** Products: the image (digest purl, reference) or packages (purls). */
  products: string[];
  /** Packages inside the products the statement is about; empty = the products themselves. */
  subcomponents: string[];
  status: VexStatus;
  justification?: string;
  /** Where it came from: `<file>` (and the statement index). */
  label: string;
}

/** `pkg:npm/lodash@4.17.11?x=y#sub` → base `pkg:npm/lodash@4.17.11`, without version `pkg:npm/lodash`. */
function purlParts(purl: string): { base: string; unversioned: string; versioned: boolean } {
  const base = decodeURIComponent(purl.split(/[?#]/)[0]!.trim());
  const at = base.lastIndexOf('@');
  const slash = base.lastIndexOf('/');
  const versioned = at > slash;
  return { base, unversioned: versioned ? base.slice(0, at) : base, versioned };
}

function identifiesPackage(id: string, match: Match): boolean {
  const purl = match.package.purl;
  if (!purl || !id.startsWith('pkg:')) return false;
  const wanted = purlParts(id);
  const have = purlParts(purl);
  return wanted.versioned ? wanted.base === have.base : wanted.unversioned === have.unversioned;
}

function identifiesImage(id: string, source: SbomSource): boolean {
  const decoded = decodeURIComponent(id);
  const digests = [source.digest, source.indexDigest].filter((d): d is string => !!d);
  if (digests.some((d) => decoded.includes(d))) return true;
  return decoded === source.reference || (source.tags ?? []).includes(decoded);
}

/** True when `statement` speaks about this match in this image. */
export function statementApplies(statement: VexStatement, match: Match, source: SbomSource): boolean {
  const ids = new Set([match.vulnerability.id, ...match.vulnerability.aliases].map((id) => id.toUpperCase()));
  if (!statement.ids.some((id) => ids.has(id.toUpperCase()))) return false;
  if (statement.subcomponents.length) {
    const inProduct = statement.products.some(
      (p) => identifiesImage(p, source) || identifiesPackage(p, match),
    );
    return inProduct && statement.subcomponents.some((s) => identifiesPackage(s, match));
  }
  return statement.products.some((p) => identifiesPackage(p, match) || identifiesImage(p, source));
}
