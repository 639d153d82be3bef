import { UniqueRefs } from '../cyclonedx-json/bom-refs.js';

/** Text reduced to the characters an SPDX id may hold ([A-Za-z0-9.-]). */
export function spdxIdText(text: string): string {
  return text.replace(/[^A-Za-z0-9.-]+/g, '-').replace(/^-+|-+$/g, '') || 'x';
}

/** Unique `SPDXRef-…` element ids and `LicenseRef-…` license ids for one document. */
export class SpdxIds {
  private readonly elements = new UniqueRefs();
  private readonly licenses = new UniqueRefs();
  readonly extracted: { licenseId: string; extractedText: string; name: string }[] = [];

  element(kind: string, text: string, key?: string): string {
    return this.elements.take(`SPDXRef-${kind}-${spdxIdText(text)}`, key);
  }

  lookup(key: string): string | undefined {
    return this.elements.lookup(key);
  }

  /** The LicenseRef for a license name that is not SPDX, declared once per document. */
  licenseRef(name: string): string {
    const known = this.licenses.lookup(name);
    if (known) return known;
    const id = this.licenses.take(`LicenseRef-${spdxIdText(name)}`, name);
    this.extracted.push({ licenseId: id, extractedText: name, name });
    return id;
  }
}
