import type { HistoryEntry } from './history-entry.js';

export interface LayerInfo {
  index: number;
  digest: string;
  diffId?: string;
  mediaType: string;
  /** Stored (compressed) size in bytes. */
  size: number;
  /** The history entry that created this layer, when history lines up with the layers. */
  createdBy?: string;
}

export interface ImageConfigSummary {
  user?: string;
  env: string[];
  exposedPorts: string[];
  entrypoint?: string[];
  cmd?: string[];
  labels: Record<string, string>;
  workingDir?: string;
  healthcheck?: {
    test: string[];
    interval?: number;
    timeout?: number;
    startPeriod?: number;
    retries?: number;
  };
  volumes: string[];
  stopSignal?: string;
}

export interface ImageMetadata {
  architecture?: string;
  os?: string;
  variant?: string;
  created?: string;
  config: ImageConfigSummary;
  history: HistoryEntry[];
  /** A Dockerfile reconstructed from history, one instruction per entry. */
  dockerfile: string;
  layers: LayerInfo[];
}
