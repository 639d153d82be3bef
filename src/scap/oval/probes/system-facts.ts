import { isNil } from '../../../xml/xml-reader.js';
import { NS } from '../../namespaces.js';
import type { Item } from '../context.js';
import { matchValue, readEntity } from '../entity.js';
import { objectEntities } from '../object-entities.js';
import { resolveVariable } from '../variables.js';
import { collected, collectionError, entityFailure, notCollected, type Probe } from './types.js';

/** independent family: a container image is a Linux filesystem, so `unix`. */
export const familyProbe: Probe = {
  name: 'family',
  ns: NS.ovalInd,
  collect() {
    return collected([{ family: ['unix'] }]);
  },
};

/** independent variable_object: the values of the variable it names (one item). */
export const variableProbe: Probe = {
  name: 'variable',
  ns: NS.ovalInd,
  collect(context, object) {
    const ref = objectEntities(object).find((e) => e.name === 'var_ref');
    if (!ref) return collectionError('variable_object needs a var_ref');
    if (ref.attrs.var_ref !== undefined || (ref.attrs.operation ?? 'equals') !== 'equals')
      return notCollected('variable_object with a computed var_ref is not supported');
    const id = ref.text.trim();
    const values = resolveVariable(context, id);
    if (values.error !== undefined) return entityFailure(values);
    // A variable with no value has no item (as OpenSCAP collects it): the object does not exist.
    return collected(values.values.length > 0 ? [{ var_ref: [id], value: values.values }] : []);
  },
};

/**
 * independent environmentvariable58: the image config's environment (`Env`) stands for the
 * environment of the process the image would start. Only the current process (nil pid) exists.
 */
export const environmentvariable58Probe: Probe = {
  name: 'environmentvariable58',
  ns: NS.ovalInd,
  collect(context, object) {
    const entities = objectEntities(object);
    const pidEl = entities.find((e) => e.name === 'pid');
    const nameEl = entities.find((e) => e.name === 'name');
    if (!nameEl) return collectionError('environmentvariable58_object needs a name');
    if (pidEl && !isNil(pidEl))
      return notCollected('an image has no running processes: only the nil pid is supported');
    const name = readEntity(context, nameEl);
    if (name.error !== undefined) return entityFailure(name);
    const items: Item[] = [];
    for (const [key, value] of context.system.environment)
      if (matchValue(name, key) === 'true') items.push({ pid: [], name: [key], value: [value] });
    return collected(items);
  },
};

/**
 * unix uname: an image has no kernel; only the machine class is known (from the image's
 * architecture). A state on any other field is an error.
 */
export const unameProbe: Probe = {
  name: 'uname',
  ns: NS.ovalUnix,
  collect(context) {
    const machine = context.system.machine;
    if (!machine) return notCollected('the image architecture is not known');
    return collected([{ machine_class: [machine], processor_type: [machine] }]);
  },
};

/** linux rpminfo: only answered when the image has no RPM database (then no RPM is installed). */
export const rpminfoProbe: Probe = {
  name: 'rpminfo',
  ns: NS.ovalLinux,
  collect(context) {
    for (const dir of ['/var/lib/rpm', '/usr/lib/sysimage/rpm'])
      if (context.system.lookup(dir, true)) return notCollected('reading RPM databases is not supported');
    return collected([]);
  },
};
