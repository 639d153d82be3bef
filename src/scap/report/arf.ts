import { writeXmlDocument, type XmlElement } from '../../xml/xml-writer.js';
import { NS } from '../namespaces.js';
import type { ScapEvaluation } from '../evaluate-image.js';
import { testResultElement } from './results-xml.js';

/** A host name ARF accepts (`[\w-]+(\.[\w-]+)*`) standing for the image reference. */
function assetName(reference: string): string {
  const name = reference
    .replace(/[^\w.-]+/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/^[.-]+|[.-]+$/g, '');
  return name.replace(/^\.|\.$/g, '') || 'image';
}

/** The content document without its XML declaration, to embed. */
function embeddable(contentText: string): string {
  return contentText.replace(/^\uFEFF?<\?xml[^?]*\?>\s*/, '').trimEnd();
}

/**
 * An ARF 1.1 asset report collection, as `oscap xccdf eval --results-arf` writes one: the
 * content evaluated (the report request), the image as the asset, and the XCCDF TestResult as
 * the report, related by `createdFor` and `isAbout`.
 */
export function encodeArf(evaluation: ScapEvaluation, contentText: string): string {
  const root: XmlElement = {
    name: 'arf:asset-report-collection',
    attributes: {
      'xmlns:arf': NS.arf,
      'xmlns:core': 'http://scap.nist.gov/schema/reporting-core/1.1',
      'xmlns:ai': 'http://scap.nist.gov/schema/asset-identification/1.1',
    },
    children: [
      {
        name: 'core:relationships',
        attributes: {
          'xmlns:arfvocab': 'http://scap.nist.gov/specifications/arf/vocabulary/relationships/1.0#',
        },
        children: [
          {
            name: 'core:relationship',
            attributes: { type: 'arfvocab:createdFor', subject: 'xccdf1' },
            children: [{ name: 'core:ref', text: 'collection1' }],
          },
          {
            name: 'core:relationship',
            attributes: { type: 'arfvocab:isAbout', subject: 'xccdf1' },
            children: [{ name: 'core:ref', text: 'asset0' }],
          },
        ],
      },
      {
        name: 'arf:report-requests',
        children: [
          {
            name: 'arf:report-request',
            attributes: { id: 'collection1' },
            children: [{ name: 'arf:content', raw: embeddable(contentText) }],
          },
        ],
      },
      {
        name: 'arf:assets',
        children: [
          {
            name: 'arf:asset',
            attributes: { id: 'asset0' },
            children: [
              {
                name: 'ai:computing-device',
                children: [{ name: 'ai:hostname', text: assetName(evaluation.target.reference) }],
              },
            ],
          },
        ],
      },
      {
        name: 'arf:reports',
        children: [
          {
            name: 'arf:report',
            attributes: { id: 'xccdf1' },
            children: [{ name: 'arf:content', children: [testResultElement(evaluation)] }],
          },
        ],
      },
    ],
  };
  return writeXmlDocument(root);
}
