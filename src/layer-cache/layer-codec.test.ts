import { describe, expect, it } from 'vitest';
import type { FileRecord } from '../resolver/file-view.js';
import type { LayerIndex } from '../resolver/index-image.js';
import { SkippedInspection } from '../resolver/inspection.js';
import { decodeLayerIndex, encodeLayerIndex } from './layer-codec.js';

function record(path: string, extra: Partial<FileRecord> = {}): FileRecord {
  return {
    path,
    type: 'file',
    mode: 0o644,
    uid: 0,
    gid: 0,
    size: 3,
    layerIndex: 0,
    layerDigest: 'sha256:aa',
    ...extra,
  };
}

function sample(): LayerIndex {
  const file = record('/etc/os-release');
  const link = record('/etc/os-release.hard', { type: 'hardlink', linkTarget: '/etc/os-release' });
  const big = record('/usr/lib/big.so', { size: 1e9 });
  const wh = record('/opt/.wh.gone', { size: 0 });
  const shared = Buffer.from('ID=debian\n');
  return {
    summary: {
      index: 0,
      digest: 'sha256:bb',
      entries: 4,
      storedBytes: 10,
      tarBytes: 20,
      compression: 'gzip',
    },
    records: [file, link, big, wh],
    content: new Map([
      [file, shared],
      [link, shared],
    ]),
    problems: new Map([[big, 'larger than the limit']]),
    inspections: new Map([
      ['binary-classifier', new Map<FileRecord, unknown>([[big, new SkippedInspection('too big')]])],
      [
        'go-module-binary',
        new Map<FileRecord, unknown>([
          [file, { kind: 'go', deps: [{ path: 'x', version: 'v1' }], at: new Map([[1, 2]]) }],
        ]),
      ],
    ]),
  };
}

describe('layer index codec', () => {
  it('round-trips records, shared content, problems and inspections, placed at the new position', () => {
    const encoded = encodeLayerIndex(sample())!;
    const decoded = decodeLayerIndex(encoded, 3, 'sha256:cc')!;
    expect(decoded.summary).toMatchObject({ index: 3, entries: 4, compression: 'gzip' });
    expect(decoded.records.map((r) => [r.path, r.layerIndex, r.layerDigest])).toEqual([
      ['/etc/os-release', 3, 'sha256:cc'],
      ['/etc/os-release.hard', 3, 'sha256:cc'],
      ['/usr/lib/big.so', 3, 'sha256:cc'],
      ['/opt/.wh.gone', 3, 'sha256:cc'],
    ]);
    const [file, link, big] = decoded.records;
    expect(decoded.records[1]!.linkTarget).toBe('/etc/os-release');
    expect(decoded.content.get(file!)?.toString()).toBe('ID=debian\n');
    expect(decoded.content.get(link!)).toBe(decoded.content.get(file!)); // still one buffer
    expect(decoded.problems.get(big!)).toBe('larger than the limit');
    const skipped = decoded.inspections.get('binary-classifier')!.get(big!);
    expect(skipped).toBeInstanceOf(SkippedInspection);
    expect((skipped as SkippedInspection).reason).toBe('too big');
    expect(decoded.inspections.get('go-module-binary')!.get(file!)).toEqual({
      kind: 'go',
      deps: [{ path: 'x', version: 'v1' }],
      at: new Map([[1, 2]]),
    });
  });

  it('refuses damaged or foreign bytes', () => {
    const encoded = encodeLayerIndex(sample())!;
    const flipped = Buffer.from(encoded);
    flipped[flipped.length - 1] = flipped[flipped.length - 1]! ^ 1;
    expect(decodeLayerIndex(flipped, 0, 'sha256:aa')).toBeUndefined();
    expect(decodeLayerIndex(encoded.subarray(0, encoded.length - 5), 0, 'sha256:aa')).toBeUndefined();
    expect(decodeLayerIndex(Buffer.from('not a layer'), 0, 'sha256:aa')).toBeUndefined();
  });

  it('does not store a layer whose inspection would not come back the same', () => {
    class Parsed {
      constructor(readonly value: number) {}
      twice(): number {
        return this.value * 2;
      }
    }
    const layer = sample();
    layer.inspections.get('go-module-binary')!.set(layer.records[0]!, new Parsed(2));
    expect(encodeLayerIndex(layer)).toBeUndefined();
  });
});
