/** One PEP 508 requirement: `name[extra,...] (specifier) ; marker` or `name @ url`. */
export interface Requirement {
  name: string;
  extras: string[];
  /** The version specifier without parentheses, e.g. `>=2.0,<3`; '' when there is none. */
  specifier: string;
  marker?: string;
  url?: string;
}

const NAME = /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(?:\[([^\]]*)\])?\s*(.*)$/s;

/** Parses one requirement string; undefined when it does not start with a project name. */
export function parseRequirement(source: string): Requirement | undefined {
  const semicolon = source.indexOf(';');
  const head = (semicolon >= 0 ? source.slice(0, semicolon) : source).trim();
  const marker = semicolon >= 0 ? source.slice(semicolon + 1).trim() : '';
  const match = NAME.exec(head);
  if (!match) return undefined;
  const [, name = '', extras = '', rest = ''] = match;
  let specifier = rest.trim();
  let url: string | undefined;
  const at = /(^|\s)@\s*(\S+)/.exec(specifier);
  if (at) {
    url = at[2];
    specifier = specifier.slice(0, at.index).trim();
  }
  specifier = specifier.replace(/^\((.*)\)$/s, '$1').replace(/\s+/g, '');
  if (specifier !== '' && !/^[<>=!~]/.test(specifier)) return undefined;
  const out: Requirement = {
    name,
    extras: extras
      .split(',')
      .map((e) => e.trim())
      .filter(Boolean),
    specifier,
  };
  if (marker) out.marker = marker;
  if (url) out.url = url;
  return out;
}

/** True when the requirement only applies with an extra (`; extra == "socks"`). */
export function needsExtra(requirement: Requirement): boolean {
  return requirement.marker !== undefined && /\bextra\s*==/.test(requirement.marker);
}

/** The version a specifier pins exactly (`==1.2.3` or `===1.2.3`, no wildcard); else undefined. */
export function pinnedVersion(specifier: string): string | undefined {
  const match = /^===?([^,=<>!~*]+)$/.exec(specifier);
  return match?.[1];
}
