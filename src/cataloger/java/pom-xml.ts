/** Coordinates of a pom.xml project (groupId/version inherited from <parent> when absent). */
export interface PomProject {
  groupId: string;
  artifactId: string;
  version: string;
  name?: string;
  parent?: { groupId: string; artifactId: string; version: string };
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decode(text: string): string {
  return text
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
    .replace(/&(lt|gt|amp|quot|apos);/g, (_, name: string) => ENTITIES[name] ?? '')
    .trim();
}

/**
 * The text of the elements directly under /project and /project/parent. A small tag scanner,
 * not a validating parser: comments, processing instructions and CDATA are skipped, anything
 * else unexpected ends the scan with what was found so far.
 */
function scanPom(xml: string): Map<string, string> {
  const found = new Map<string, string>();
  const stack: string[] = [];
  const tag =
    /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>|<![^>]*>|<(\/?)([\w.:-]+)[^>]*?(\/?)>/g;
  let textStart = 0;
  for (let m = tag.exec(xml); m; m = tag.exec(xml)) {
    const [, closing, rawName, selfClosing] = m;
    if (rawName === undefined) continue;
    const name = rawName.includes(':') ? rawName.slice(rawName.indexOf(':') + 1) : rawName;
    if (closing) {
      const path = stack.join('/');
      if (stack[stack.length - 1] !== name) break;
      if (path.split('/').length <= 3 && !found.has(path))
        found.set(path, decode(xml.slice(textStart, m.index)));
      stack.pop();
    } else if (!selfClosing) {
      stack.push(name);
      textStart = m.index + m[0].length;
    }
  }
  return found;
}

/** The project's coordinates, or undefined when the text has no <project> with an artifactId. */
export function parsePomXml(xml: string): PomProject | undefined {
  const found = scanPom(xml);
  const artifactId = found.get('project/artifactId');
  if (!artifactId) return undefined;
  const parentGroup = found.get('project/parent/groupId') ?? '';
  const parentVersion = found.get('project/parent/version') ?? '';
  const project: PomProject = {
    groupId: found.get('project/groupId') || parentGroup,
    artifactId,
    version: found.get('project/version') || parentVersion,
  };
  const name = found.get('project/name');
  if (name) project.name = name;
  const parentArtifact = found.get('project/parent/artifactId');
  if (parentArtifact)
    project.parent = { groupId: parentGroup, artifactId: parentArtifact, version: parentVersion };
  return project;
}
