import type { Package, PackageType } from '../model/package.js';
import type { AffectedPackage } from '../vulndb/model.js';
import type { DistroTarget } from './distro/index.js';
import type { Lookup } from './types.js';

/**
 * Collects what the matcher could not check and says it loudly, once per cause, with counts:
 * a distro without data, an ecosystem without data, versions a scheme cannot read.
 */
export class MatchWarnings {
  private osUnchecked = 0;
  private readonly ecosystems = new Map<string, Map<PackageType, number>>();
  private readonly invalid = new Map<string, { count: number; example: string; scheme: string }>();
  private readonly records = new Map<string, number>();

  constructor(
    private readonly distro: DistroTarget | null,
    private readonly distroDetected: boolean,
  ) {}

  osPackageUnchecked(): void {
    this.osUnchecked++;
  }

  /** OS packages that could not be checked for want of distro data. */
  get osPackagesUnchecked(): number {
    return this.osUnchecked;
  }

  ecosystemWithoutData(namespace: string, type: PackageType): void {
    const counts = this.ecosystems.get(namespace) ?? new Map<PackageType, number>();
    counts.set(type, (counts.get(type) ?? 0) + 1);
    this.ecosystems.set(namespace, counts);
  }

  invalidVersion(pkg: Package, lookup: Lookup): void {
    const entry = this.invalid.get(pkg.type) ?? { count: 0, example: '', scheme: lookup.scheme };
    entry.count++;
    if (!entry.example) entry.example = `${pkg.name} ${lookup.version}`;
    this.invalid.set(pkg.type, entry);
  }

  unreadableRecord(record: AffectedPackage): void {
    this.records.set(record.namespace, (this.records.get(record.namespace) ?? 0) + 1);
  }

  list(): string[] {
    const out: string[] = [];
    if (this.osUnchecked) {
      const what = this.distroDetected && this.distro ? this.distro.label : 'an undetected distro';
      const tried = this.distro ? ` (looked for ${this.distro.candidates.join(', ')})` : '';
      out.push(
        `no vulnerability data for ${what} in the database${tried}: ${this.osUnchecked} OS packages were not checked`,
      );
    }
    for (const [namespace, counts] of this.ecosystems) {
      for (const [type, count] of counts) {
        out.push(
          `no vulnerability data for ${namespace} in the database: ${count} ${type} packages were not checked`,
        );
      }
    }
    for (const [type, { count, example, scheme }] of this.invalid) {
      out.push(
        `${count} ${type} packages have versions the ${scheme} scheme cannot read and were not checked (e.g. ${example})`,
      );
    }
    for (const [namespace, count] of this.records) {
      out.push(`${count} ${namespace} records with unreadable versions were skipped`);
    }
    return out;
  }
}
