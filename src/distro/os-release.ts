import type { Distro } from '../model/distro.js';
import { parseKeyValueFile } from './key-value.js';

/** A Distro from an os-release file; `null` when it names no ID. */
export function distroFromOsRelease(text: string, source: string): Distro | null {
  const fields = parseKeyValueFile(text);
  const id = fields['ID']?.trim().toLowerCase();
  if (!id) return null;
  const distro: Distro = { id, versionId: fields['VERSION_ID']?.trim() ?? '', source };
  const codename = fields['VERSION_CODENAME'] || fields['UBUNTU_CODENAME'];
  if (codename) distro.versionCodename = codename;
  if (fields['NAME']) distro.name = fields['NAME'];
  if (fields['PRETTY_NAME']) distro.prettyName = fields['PRETTY_NAME'];
  const idLike = fields['ID_LIKE']?.toLowerCase().split(/\s+/).filter(Boolean);
  if (idLike && idLike.length > 0) distro.idLike = idLike;
  return distro;
}
