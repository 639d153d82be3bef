import { parseDeb822 } from '../../../cataloger/dpkg/deb822.js';
import { hasFilesOnDisk, parseDpkgStatus } from '../../../cataloger/dpkg/status-state.js';
import { readDebVersion } from '../../../versioning/deb/deb-version.js';
import { NS } from '../../namespaces.js';
import type { Item, OvalContext } from '../context.js';
import { matchValue, readEntity } from '../entity.js';
import { objectEntities } from '../object-entities.js';
import { collected, collectionError, entityFailure, type Probe } from './types.js';

const STATUS = '/var/lib/dpkg/status';

/** The installed packages of the image's dpkg database as dpkginfo items; undefined while unread. */
function installedPackages(context: OvalContext): Item[] | undefined | string {
  const record = context.system.lookup(STATUS, true);
  if (!record || record.type !== 'file') return [];
  const content = context.system.content(record);
  if (content === undefined) return context.system.contentProblem(record) ?? undefined;
  const items: Item[] = [];
  for (const p of parseDeb822(content.toString('utf8')).paragraphs) {
    const name = p.fields.get('package');
    const status = parseDpkgStatus(p.fields.get('status'));
    const versionText = p.fields.get('version');
    if (!name || !status || !hasFilesOnDisk(status) || !versionText) continue;
    const version = readDebVersion(versionText);
    if (typeof version === 'string') continue;
    const epoch = String(version.epoch);
    const evr = `${epoch}:${version.upstream}${version.revision ? `-${version.revision}` : ''}`;
    items.push({
      name: [name.trim()],
      arch: [(p.fields.get('architecture') ?? '').trim()],
      epoch: [epoch],
      release: [version.revision],
      version: [version.upstream],
      evr: [evr],
    });
  }
  return items;
}

/** linux dpkginfo: the installed packages (dpkg's status database) whose name matches. */
export const dpkginfoProbe: Probe = {
  name: 'dpkginfo',
  ns: NS.ovalLinux,
  collect(context, object) {
    const nameEl = objectEntities(object).find((e) => e.name === 'name');
    if (!nameEl) return collectionError('dpkginfo_object needs a name');
    const name = readEntity(context, nameEl);
    if (name.error !== undefined) return entityFailure(name);
    const packages = installedPackages(context);
    if (typeof packages === 'string') return collectionError(`${STATUS}: ${packages}`);
    if (packages === undefined) return collected([]);
    return collected(packages.filter((p) => matchValue(name, p.name![0]!) === 'true'));
  },
};
