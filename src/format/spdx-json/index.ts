export { spdxJsonFormat } from './spdx-json-format.js';
export { buildSpdxDocument } from './spdx-document.js';
export type { SpdxDocument, SpdxPackage, SpdxRelationship } from './spdx-types.js';
export { classifyLicense, declaredExpression, normalizeExpression } from './license-expression.js';
