// HarborVulnerabilityReport as the pluggable scanner spec v1.2 defines it (components.schemas),
// transcribed as JSON Schema: the report must fit what Harbor parses.
const severity = { enum: ['Unknown', 'Negligible', 'Low', 'Medium', 'High', 'Critical'] };
export const HARBOR_SPEC_REPORT = {
  type: 'object',
  required: ['generated_at', 'artifact', 'scanner', 'severity', 'vulnerabilities'],
  properties: {
    generated_at: { type: 'string' },
    artifact: {
      type: 'object',
      properties: {
        repository: { type: 'string' },
        digest: { type: 'string' },
        tag: { type: 'string' },
        mime_type: { type: 'string' },
      },
    },
    scanner: {
      type: 'object',
      properties: { name: { type: 'string' }, vendor: { type: 'string' }, version: { type: 'string' } },
    },
    severity,
    vulnerabilities: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'package', 'version', 'severity'],
        properties: {
          id: { type: 'string' },
          package: { type: 'string' },
          version: { type: 'string' },
          fix_version: { type: 'string' },
          severity,
          description: { type: 'string' },
          links: { type: 'array', items: { type: 'string' } },
          preferred_cvss: {
            type: 'object',
            additionalProperties: false,
            properties: {
              score_v3: { type: 'number' },
              score_v2: { type: 'number' },
              vector_v3: { type: 'string' },
              vector_v2: { type: 'string' },
            },
          },
          cwe_ids: { type: 'array', items: { type: 'string' } },
          vendor_attributes: { type: 'object' },
        },
      },
    },
  },
};
