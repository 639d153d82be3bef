import { apkCataloger } from './apk/index.js';
import { binaryClassifierCataloger } from './binary/index.js';
import { dotnetCataloger } from './dotnet/index.js';
import { dpkgCataloger } from './dpkg/index.js';
import { createFilesCataloger } from './files/index.js';
import { goBinaryCataloger } from './golang/index.js';
import { javaCataloger } from './java/index.js';
import { createMalwareCataloger } from './malware/index.js';
import { npmCataloger } from './npm/index.js';
import { createPasswdCataloger } from './passwd/index.js';
import { phpCataloger } from './php/index.js';
import { pythonCataloger } from './python/index.js';
import { rpmCataloger } from './rpm/index.js';
import { rubyCataloger } from './ruby/index.js';
import { rustCataloger } from './rust/index.js';
import { createSecretsCataloger } from './secrets/index.js';
import type { CatalogOptions, Cataloger } from './types.js';

/**
 * Folders under src/cataloger whose name differs from the cataloger they hold (the name is what
 * users see in unknowns and `foundBy`). Folders not listed here hold the cataloger of that name.
 */
export const CATALOGER_FOLDERS: Readonly<Record<string, string>> = {
  golang: 'go-module-binary',
  binary: 'binary-classifier',
};

/** Shared readers, not catalogers: parsed formats several catalogers use. */
export const READER_FOLDERS: readonly string[] = ['elf'];

/**
 * Every cataloger Customs runs, in one explicit list (no import side effects). OS package
 * catalogers come first: later ones see their packages (`packagesSoFar`) for ownership; the
 * binary classifiers come after the language catalogers so they can skip what those explained.
 * Throws a UsageError when the user's secrets rules file is bad.
 */
export function createCatalogers(options: CatalogOptions = {}): Cataloger[] {
  const catalogers: Cataloger[] = [
    dpkgCataloger,
    apkCataloger,
    rpmCataloger,
    npmCataloger,
    phpCataloger,
    dotnetCataloger,
    pythonCataloger,
    rubyCataloger,
    javaCataloger,
    goBinaryCataloger,
    rustCataloger,
    binaryClassifierCataloger,
    createFilesCataloger(options),
    createPasswdCataloger(options),
  ];
  if (options.secrets?.enabled !== false) catalogers.push(createSecretsCataloger(options));
  if (options.malware) catalogers.push(createMalwareCataloger(options));
  return catalogers;
}

/**
 * Every cataloger's name, optional analyzers included, in run order. Names only: a cataloger
 * instance may hold one analysis's state (the malware scanner's batch), so instances are made per
 * analysis by createCatalogers and never shared through a module export.
 */
export const CATALOGER_NAMES: readonly string[] = Object.freeze(
  createCatalogers({ malware: true }).map((c) => c.name),
);

export function catalogerNames(): string[] {
  return [...CATALOGER_NAMES];
}
