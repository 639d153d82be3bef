import { buildCycloneDxBom } from '../cyclonedx-json/index.js';
import type { SbomFormat } from '../types.js';
import { bomToXml } from './bom-to-xml.js';
import { writeXmlDocument } from '../../xml/xml-writer.js';

/** CycloneDX 1.6 XML: the same document as cyclonedx-json, in the 1.6 XML namespace. */
export const cyclonedxXmlFormat: SbomFormat = {
  name: 'cyclonedx-xml',
  description: 'CycloneDX 1.6 XML',
  encode: (sbom) => writeXmlDocument(bomToXml(buildCycloneDxBom(sbom))),
};
