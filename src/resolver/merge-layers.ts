import type { FileRecord, FileView } from './file-view.js';
import { FileTree, whiteoutKind } from './file-tree.js';
import type { Inspections } from './inspection.js';
import type { LayerIndex, LayerReadSummary } from './read-layer.js';
import { AllLayersView, SquashedView, type ContentStore } from './views.js';

export interface ImageFiles {
  squashed: FileView;
  allLayers: FileView;
  layers: LayerReadSummary[];
  inspections: Inspections;
}

/**
 * The image's files from its layers' indexes, bottom layer first: the squashed tree with each
 * layer's whiteouts applied over the layers below, and every layer's records for `all-layers`.
 */
export function mergeLayers(layers: readonly LayerIndex[], inspectorNames: readonly string[]): ImageFiles {
  const tree = new FileTree();
  const records: FileRecord[] = [];
  const store: ContentStore = { content: new Map(), problems: new Map() };
  const inspections: Inspections = new Map(inspectorNames.map((name) => [name, new Map()]));
  for (const layer of layers) {
    for (const record of layer.records) {
      tree.apply(record);
      if (!whiteoutKind(record.path)) records.push(record);
    }
    for (const [record, content] of layer.content) store.content.set(record, content);
    for (const [record, problem] of layer.problems) store.problems.set(record, problem);
    for (const [name, results] of layer.inspections) {
      const into = inspections.get(name);
      if (into) for (const [record, result] of results) into.set(record, result);
    }
  }
  return {
    squashed: new SquashedView(tree, store),
    allLayers: new AllLayersView(tree, store, records),
    layers: layers.map((l) => l.summary),
    inspections,
  };
}
