import { dpkginfoProbe } from './dpkginfo.js';
import { fileProbe } from './file.js';
import { symlinkProbe } from './symlink.js';
import {
  environmentvariable58Probe,
  familyProbe,
  rpminfoProbe,
  unameProbe,
  variableProbe,
} from './system-facts.js';
import { textfilecontent54Probe } from './textfilecontent54.js';
import type { Probe } from './types.js';

/** Every OVAL object kind Customs collects; any other is `not collected` (its tests `not evaluated`). */
export const PROBES: ReadonlyMap<string, Probe> = new Map(
  [
    familyProbe,
    textfilecontent54Probe,
    fileProbe,
    symlinkProbe,
    dpkginfoProbe,
    variableProbe,
    environmentvariable58Probe,
    unameProbe,
    rpminfoProbe,
  ].map((p) => [p.name, p]),
);
