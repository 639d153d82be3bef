import type { OvalDocument } from '../oval/document.js';

/**
 * The file paths OVAL objects name literally (`filepath` equals a text, no variable): read in
 * the first pass over the layers, so that most evaluations need no second one.
 */
export function literalPaths(docs: Iterable<OvalDocument>): Set<string> {
  const out = new Set<string>(['/var/lib/dpkg/status']);
  for (const doc of docs)
    for (const object of doc.objects.values())
      for (const entity of object.children) {
        if (entity.name !== 'filepath' || entity.attrs.var_ref !== undefined) continue;
        if ((entity.attrs.operation ?? 'equals') === 'equals' && entity.text.startsWith('/'))
          out.add(entity.text);
      }
  return out;
}
