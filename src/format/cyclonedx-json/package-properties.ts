import type { Location } from '../../model/location.js';
import { PACKAGE_TYPES, type Package, type PackageType } from '../../model/package.js';

/** A name/value pair as CycloneDX properties (and Customs' SPDX annotations) carry them. */
export interface NamedValue {
  name: string;
  value: string;
}

/** The Customs-only facts of a package (those no standard field holds), as `customs:` properties. */
export function packageProperties(pkg: Package): NamedValue[] {
  const out: NamedValue[] = [
    { name: 'customs:package:id', value: pkg.id },
    { name: 'customs:package:type', value: pkg.type },
    { name: 'customs:package:foundBy', value: pkg.foundBy },
  ];
  if (pkg.ownedBy) out.push({ name: 'customs:package:ownedBy', value: pkg.ownedBy });
  pkg.locations.forEach((location, i) => out.push(...locationProperties(location, i)));
  return out;
}

export function locationProperties(location: Location, index: number): NamedValue[] {
  const out: NamedValue[] = [{ name: `customs:location:${index}:path`, value: location.path }];
  if (location.layer) out.push({ name: `customs:location:${index}:layer`, value: location.layer });
  if (location.layerIndex !== undefined)
    out.push({ name: `customs:location:${index}:layerIndex`, value: String(location.layerIndex) });
  return out;
}

/** What `packageProperties` wrote, read back; fields are absent when the properties are not ours. */
export interface CustomsPackageFacts {
  id?: string;
  type?: PackageType;
  foundBy?: string;
  ownedBy?: string;
  locations: Location[];
}

export function readPackageProperties(properties: readonly NamedValue[]): CustomsPackageFacts {
  const facts: CustomsPackageFacts = { locations: [] };
  const locations = new Map<number, Partial<Location>>();
  for (const { name, value } of properties) {
    if (name === 'customs:package:id') facts.id = value;
    else if (name === 'customs:package:foundBy') facts.foundBy = value;
    else if (name === 'customs:package:ownedBy') facts.ownedBy = value;
    else if (name === 'customs:package:type') {
      if ((PACKAGE_TYPES as readonly string[]).includes(value)) facts.type = value as PackageType;
    } else {
      const match = /^customs:location:(\d+):(path|layer|layerIndex)$/.exec(name);
      if (!match) continue;
      const index = Number(match[1]);
      const location = locations.get(index) ?? {};
      if (match[2] === 'path') location.path = value;
      else if (match[2] === 'layer') location.layer = value;
      else if (/^\d+$/.test(value)) location.layerIndex = Number(value);
      locations.set(index, location);
    }
  }
  facts.locations = [...locations.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, l]) => l)
    .filter((l): l is Location => typeof l.path === 'string');
  return facts;
}
