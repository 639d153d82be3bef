/**
 * The license names in one license string: an SPDX expression is split on its operators (AND,
 * OR, WITH, any case) and parentheses; a plain name comes back whole. `+` suffixes stay
 * (`GPL-2.0+` is its own token).
 */
export function licenseTokens(license: string): string[] {
  return license
    .split(/\s+(?:AND|OR|WITH)\s+|[()]/i)
    .map((token) => token.trim())
    .filter((token) => token !== '');
}
