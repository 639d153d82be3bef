export { cyclonedxXmlFormat } from './cyclonedx-xml-format.js';
export { CDX_XML_NAMESPACE } from './bom-to-xml.js';
