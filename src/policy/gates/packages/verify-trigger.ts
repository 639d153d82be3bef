import type { FileEntry } from '../../../model/file-entry.js';
import type { Package } from '../../../model/package.js';
import { listParam, stringParam } from '../../trigger-params/read-params.js';
import type { Firing, BuiltinTrigger } from '../types.js';
import { isFullInventory, pathExists } from './path-lookup.js';

/** Files a package's metadata says it owns (dpkg's `files`; any cataloger listing `files`). */
function ownedFiles(pkg: Package): string[] {
  const files = (pkg.metadata as { files?: unknown } | undefined)?.files;
  return Array.isArray(files) ? files.filter((f): f is string => typeof f === 'string') : [];
}

function underDirectory(file: string, directories: readonly string[]): boolean {
  return (
    directories.length === 0 ||
    directories.some((d) => {
      const dir = d.endsWith('/') ? d : `${d}/`;
      return file === d || file.startsWith(dir);
    })
  );
}

/**
 * `missing`: owned files absent from the image. It needs the full file inventory (analyse with
 * `--files all`); with only notable files it cannot decide and does not fire. `changed` would
 * compare with the package database's digests, modes and sizes, which the SBOM does not keep:
 * it never fires (documented limit).
 */
export const verifyTrigger: BuiltinTrigger = {
  name: 'verify',
  description:
    'Fires for each file an OS package owns that is missing from the image (needs analysis with --files all). check=changed is not supported: the SBOM keeps no package-database digests.',
  params: [
    { name: 'only_packages', type: 'csv', description: 'Only these packages.' },
    { name: 'only_directories', type: 'csv', description: 'Only files under these directories.' },
    {
      name: 'check',
      type: 'enum',
      values: ['changed', 'missing'],
      description: 'What to check; both when not given.',
    },
  ],
  evaluate(context, params) {
    const check = stringParam(params, 'check');
    if (check === 'changed') return [];
    const files: FileEntry[] = Array.isArray(context.sbom.files) ? context.sbom.files : [];
    if (!isFullInventory(files)) return [];
    const byPath = new Map(files.filter((f) => typeof f?.path === 'string').map((f) => [f.path, f] as const));
    const onlyPackages = listParam(params, 'only_packages');
    const onlyDirectories = listParam(params, 'only_directories');
    const packages = Array.isArray(context.sbom.packages) ? context.sbom.packages : [];
    const firings: Firing[] = [];
    for (const pkg of packages) {
      if (!pkg || (onlyPackages.length > 0 && !onlyPackages.includes(pkg.name))) continue;
      for (const file of ownedFiles(pkg)) {
        if (!underDirectory(file, onlyDirectories) || pathExists(byPath, file)) continue;
        firings.push({
          message: `File ${file} of package ${pkg.name}@${pkg.version} is missing from the image`,
          identity: `${pkg.name}+${file}`,
        });
      }
    }
    return firings;
  },
};
