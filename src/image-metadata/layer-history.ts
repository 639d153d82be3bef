import type { LayerInfo } from '../model/image.js';
import type { HistoryEntry, ImageConfig } from '../source/oci-types.js';
import type { LayerDescriptor } from '../source/types.js';

/**
 * One LayerInfo per layer. History entries marked `empty_layer` made no layer; the others line up
 * with the layers in order, and give each its `createdBy` — but only when their number matches
 * the number of layers, since a guess would put the wrong command on a layer.
 */
export function describeLayers(config: ImageConfig, layers: LayerDescriptor[]): LayerInfo[] {
  const history: HistoryEntry[] = Array.isArray(config.history) ? config.history : [];
  const layerMaking = history.filter((entry) => entry.empty_layer !== true);
  const aligned = layerMaking.length === layers.length;
  const diffIds = config.rootfs?.diff_ids ?? [];
  return [...layers]
    .sort((a, b) => a.index - b.index)
    .map((layer, position) => {
      const info: LayerInfo = {
        index: layer.index,
        digest: layer.digest,
        mediaType: layer.mediaType,
        size: layer.size,
      };
      const diffId = layer.diffId ?? diffIds[layer.index];
      if (diffId) info.diffId = diffId;
      const createdBy = aligned ? layerMaking[position]?.created_by : undefined;
      if (createdBy !== undefined) info.createdBy = createdBy;
      return info;
    });
}
