/** Progress events the library emits; the CLI decides whether and how to show them. */
export type ProgressEvent =
  | { kind: 'source-opened'; reference: string; layers: number; totalBytes: number }
  | { kind: 'layer-start'; index: number; total: number; digest: string; size: number }
  | { kind: 'layer-progress'; index: number; total: number; entries: number }
  | {
      kind: 'layer-done';
      index: number;
      total: number;
      entries: number;
      storedBytes: number;
      tarBytes: number;
      /** Taken from the layer cache: no byte of the layer was read. */
      cached?: boolean;
    }
  | { kind: 'cataloging'; cataloger: string }
  | { kind: 'done' };

export type ProgressListener = (event: ProgressEvent) => void;
