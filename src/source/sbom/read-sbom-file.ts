import { readFile, stat } from 'node:fs/promises';
import { SourceFormatError, SourceNotFoundError, UsageError } from '../../errors/index.js';
import type { Sbom } from '../../model/sbom.js';
import { cdxXmlToBom } from './cdx-xml-to-bom.js';
import { sbomFromCycloneDx } from './from-cyclonedx.js';
import { sbomFromSpdx } from './from-spdx.js';
import { isObject, type JsonObject } from './json-fields.js';
import { parseXml } from './xml-reader.js';

/** SBOM files larger than this are refused rather than read into memory. */
export const MAX_SBOM_BYTES = 64 * 1024 * 1024;

export type SbomFileFormat = 'cyclonedx-json' | 'cyclonedx-xml' | 'spdx-json' | 'customs-json';

/** Which SBOM format a parsed JSON document is, or undefined. */
export function jsonSbomFormat(doc: JsonObject): SbomFileFormat | undefined {
  if (doc.bomFormat === 'CycloneDX') return 'cyclonedx-json';
  if (typeof doc.spdxVersion === 'string' && /^SPDX-2\.\d+$/.test(doc.spdxVersion)) return 'spdx-json';
  if (doc.schema === 'customs-sbom/1') return 'customs-json';
  return undefined;
}

function fromCustomsJson(doc: JsonObject, path: string): Sbom {
  if (!Array.isArray(doc.packages) || !isObject(doc.source))
    throw new SourceFormatError(`${path}: a customs-sbom/1 document needs "source" and "packages"`);
  return doc as unknown as Sbom;
}

function fromJson(text: string, path: string): Sbom {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new SourceFormatError(`${path}: not valid JSON (${(err as Error).message})`);
  }
  const format = isObject(doc) ? jsonSbomFormat(doc) : undefined;
  if (!isObject(doc) || !format)
    throw new SourceFormatError(
      `${path}: not a known SBOM (expected CycloneDX JSON with "bomFormat", SPDX 2.x JSON with "spdxVersion", or customs-sbom/1)`,
    );
  if (format === 'cyclonedx-json') {
    const version = String(doc.specVersion ?? '');
    if (!/^1\.[4-6]$/.test(version))
      throw new SourceFormatError(`${path}: CycloneDX specVersion "${version}" is not supported (1.4–1.6)`);
    return sbomFromCycloneDx(doc, path);
  }
  return format === 'spdx-json' ? sbomFromSpdx(doc, path) : fromCustomsJson(doc, path);
}

function fromXml(text: string, path: string): Sbom {
  const root = parseXml(text, path);
  const namespace = root.attributes.xmlns ?? '';
  const match = /^http:\/\/cyclonedx\.org\/schema\/bom\/(1\.\d+)$/.exec(namespace);
  if (root.name !== 'bom' || !match)
    throw new SourceFormatError(
      `${path}: XML but not a CycloneDX BOM (root <bom xmlns="http://cyclonedx.org/schema/bom/1.x">)`,
    );
  if (!/^1\.[4-6]$/.test(match[1]!))
    throw new SourceFormatError(`${path}: CycloneDX XML ${match[1]} is not supported (1.4–1.6)`);
  return sbomFromCycloneDx(cdxXmlToBom(root) as unknown as JsonObject, path);
}

/**
 * Reads an SBOM file — CycloneDX JSON or XML (1.4–1.6), SPDX 2.x JSON, or Customs' own JSON —
 * into the Customs model, so it can be matched and evaluated like a scanned image.
 */
export async function readSbomFile(path: string): Promise<Sbom> {
  if (path === '') throw new UsageError('sbom: needs a file path after the colon');
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new UsageError(`sbom:${path}: not a regular file`);
    size = info.size;
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new SourceNotFoundError(
      `sbom:${path}: cannot read the file (${(err as NodeJS.ErrnoException).code ?? 'error'})`,
      { cause: err },
    );
  }
  if (size > MAX_SBOM_BYTES)
    throw new SourceFormatError(
      `${path}: SBOM file is ${size} bytes, more than the ${MAX_SBOM_BYTES}-byte limit`,
    );
  const text = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
  const start = text.trimStart()[0];
  if (start === '{') return fromJson(text, path);
  if (start === '<') return fromXml(text, path);
  throw new SourceFormatError(`${path}: not an SBOM: neither JSON nor XML`);
}
