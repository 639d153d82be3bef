import { alwaysGate } from './always/index.js';
import { dockerfileGate } from './dockerfile/index.js';
import { driftGate } from './drift/index.js';
import { EOL_GATES } from './eol-gates.js';
import { filesGate } from './files/index.js';
import { gradeGate } from './grade/index.js';
import { imageSourceGate } from './image-source/index.js';
import { licensesGate } from './licenses/index.js';
import { malwareGate } from './malware/index.js';
import { metadataGate } from './metadata/index.js';
import { packagesGate } from './packages/index.js';
import { passwdFileGate } from './passwd-file/index.js';
import { retrievedFilesGate } from './retrieved-files/index.js';
import { scapGate } from './scap/index.js';
import { secretScansGate } from './secret-scans/index.js';
import { signatureGate } from './signature/index.js';
import type { GateSpec } from './types.js';
import { vulnerabilitiesGate } from './vulnerabilities/index.js';

/** Every gate a bundle may name: the active ones, then the end-of-life names. */
export const GATES: readonly GateSpec[] = [
  alwaysGate,
  dockerfileGate,
  filesGate,
  passwdFileGate,
  retrievedFilesGate,
  secretScansGate,
  licensesGate,
  metadataGate,
  malwareGate,
  packagesGate,
  imageSourceGate,
  signatureGate,
  scapGate,
  vulnerabilitiesGate,
  gradeGate,
  driftGate,
  ...EOL_GATES,
];

/** The gate a bundle names, matched case-insensitively as Anchore does; undefined when unknown. */
export function gateByName(name: string): GateSpec | undefined {
  const wanted = name.toLowerCase();
  return GATES.find((gate) => gate.name.toLowerCase() === wanted);
}
