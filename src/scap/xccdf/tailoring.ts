import { readFile } from 'node:fs/promises';
import { UsageError } from '../../errors/index.js';
import { parseXml, XmlSyntaxError, type XmlNode } from '../../xml/xml-reader.js';
import { readBenchmark, type XccdfProfile } from './benchmark.js';

/** The profiles of an XCCDF tailoring file (a `Tailoring` element, or an ARF/DS holding one). */
export async function loadTailoring(path: string): Promise<Map<string, XccdfProfile>> {
  let root: XmlNode;
  try {
    root = parseXml(await readFile(path, 'utf8'));
  } catch (err) {
    if (err instanceof XmlSyntaxError) throw new UsageError(`${path} is not well-formed XML: ${err.message}`);
    throw new UsageError(
      `cannot read tailoring file ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
    );
  }
  const tailoring = findTailoring(root);
  if (!tailoring) throw new UsageError(`${path} holds no XCCDF Tailoring element`);
  // A Tailoring's Profiles are read like a benchmark's.
  return readBenchmark({ ...tailoring, children: tailoring.children.filter((c) => c.name === 'Profile') })
    .profiles;
}

function findTailoring(node: XmlNode): XmlNode | undefined {
  if (node.name === 'Tailoring') return node;
  for (const c of node.children) {
    const found = findTailoring(c);
    if (found) return found;
  }
  return undefined;
}
