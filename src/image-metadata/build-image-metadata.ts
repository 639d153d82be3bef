import type { ImageMetadata } from '../model/image.js';
import type { ImageConfig } from '../source/oci-types.js';
import type { LayerDescriptor } from '../source/types.js';
import { summariseConfig } from './config-summary.js';
import { reconstructDockerfile } from './dockerfile.js';
import { describeLayers } from './layer-history.js';

/**
 * The image metadata of an SBOM: the config summary, the history, each layer with the history
 * entry that made it, and a reconstructed Dockerfile. Pure; never throws on odd configs.
 */
export function buildImageMetadata(config: ImageConfig, layers: LayerDescriptor[]): ImageMetadata {
  const summary = summariseConfig(config.config);
  const history = Array.isArray(config.history) ? config.history.map((entry) => ({ ...entry })) : [];
  const metadata: ImageMetadata = {
    config: summary,
    history,
    dockerfile: reconstructDockerfile(history, summary),
    layers: describeLayers(config, layers),
  };
  if (config.architecture) metadata.architecture = config.architecture;
  if (config.os) metadata.os = config.os;
  if (config.variant) metadata.variant = config.variant;
  if (config.created) metadata.created = config.created;
  return metadata;
}
