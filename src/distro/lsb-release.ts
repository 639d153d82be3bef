import type { Distro } from '../model/distro.js';
import { parseKeyValueFile } from './key-value.js';

/** A Distro from /etc/lsb-release (DISTRIB_ID, DISTRIB_RELEASE, ...); `null` without an id. */
export function distroFromLsbRelease(text: string, source: string): Distro | null {
  const fields = parseKeyValueFile(text);
  const id = fields['DISTRIB_ID']?.trim().toLowerCase();
  if (!id) return null;
  const distro: Distro = { id, versionId: fields['DISTRIB_RELEASE']?.trim() ?? '', source };
  if (fields['DISTRIB_CODENAME']) distro.versionCodename = fields['DISTRIB_CODENAME'];
  if (fields['DISTRIB_DESCRIPTION']) distro.prettyName = fields['DISTRIB_DESCRIPTION'];
  return distro;
}
