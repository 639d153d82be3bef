import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeOciLayout } from '../../../test/helpers/oci-builder.js';
import { tempDir } from '../../../test/helpers/temp-dir.js';
import type { FileRecord } from '../../resolver/file-view.js';
import { indexImage } from '../../resolver/index-image.js';
import type { HeadDecision, Inspector } from '../../resolver/inspection.js';
import { openOciDir } from '../../source/oci-dir/open-oci-dir.js';
import { binaryClassifierCataloger } from '../binary/index.js';
import { BUILD_INFO_MAGIC, goBinaryCataloger } from '../golang/index.js';
import { rustCataloger } from '../rust/index.js';
import type { Cataloger } from '../types.js';
import { syntheticElf } from './synthetic-elf.js';

const MiB = 1024 * 1024;
const CATALOGERS = [goBinaryCataloger, rustCataloger, binaryClassifierCataloger];

const varint = (n: number): Buffer => {
  const out: number[] = [];
  for (; n >= 0x80; n >>>= 7) out.push((n & 0x7f) | 0x80);
  return Buffer.from([...out, n]);
};
const str = (s: string): Buffer => Buffer.concat([varint(Buffer.byteLength(s)), Buffer.from(s)]);

/** A Go ≥ 1.18 build info blob (inline strings), its mod info unframed (no sentinels). */
function inlineBlob(goVersion: string, modInfo: string): Buffer {
  const header = Buffer.alloc(32);
  BUILD_INFO_MAGIC.copy(header);
  header[14] = 8;
  header[15] = 2;
  return Buffer.concat([header, str(goVersion), str(modInfo)]);
}

const MOD_INFO =
  'path\texample.com/tool\nmod\texample.com/tool\t(devel)\t\ndep\tgolang.org/x/text\tv0.14.0\th1:x=\n';

/**
 * A 48 MiB executable like the bench's: an ELF magic, no section table, noise-like filler, and
 * a Go build info blob (plus the Rust section's name) placed across a 64 KiB boundary.
 */
function sectionlessBinary(): Buffer {
  const out = Buffer.alloc(48 * MiB);
  out.write('\x7fELF', 0, 'latin1');
  for (let at = 64; at < out.length; at += 4096) out.writeUInt32LE((at * 2654435761) >>> 0, at);
  inlineBlob('go1.22.3', MOD_INFO).copy(out, 20 * MiB - 7);
  Buffer.from('.dep-v0', 'latin1').copy(out, 30 * MiB - 3);
  return out;
}

/** The real inspector of `cataloger`, recording the size of every buffer it is handed. */
function recording(cataloger: Cataloger, sizes: number[]): Inspector {
  const inspector: Inspector = {
    name: cataloger.name,
    wantsInspect: (h) => cataloger.wantsInspect!(h),
    inspect: (record, content) => {
      sizes.push(content.length);
      return cataloger.inspect!(record, content);
    },
  };
  const byHead = cataloger.inspectHead?.bind(cataloger);
  if (byHead)
    inspector.inspectHead = (record, head, size): HeadDecision => {
      sizes.push(head.length);
      const decision = byHead(record, head, size);
      if (typeof decision !== 'object' || !('scan' in decision)) return decision;
      const { scan } = decision;
      return {
        scan: {
          push: (chunk) => {
            sizes.push(chunk.length);
            scan.push(chunk);
          },
          finish: () => scan.finish(),
        },
      };
    };
  return inspector;
}

async function inspectInImage(root: string, name: string, file: Buffer) {
  const dir = join(root, name);
  await writeOciLayout(dir, {
    layers: [{ entries: [{ name: `usr/local/bin/${name}`, content: file, mode: 0o755 }] }],
  });
  const sizes = new Map(CATALOGERS.map((c) => [c.name, [] as number[]]));
  const files = await indexImage(await openOciDir(dir, {}), {
    wants: () => false,
    inspectors: CATALOGERS.map((c) => recording(c, sizes.get(c.name)!)),
  });
  const record = files.squashed.lookup(`/usr/local/bin/${name}`)!;
  return { sizes, record, result: (c: Cataloger) => files.inspections.get(c.name)!.get(record) };
}

describe('big binaries stream past their inspectors', () => {
  const root = tempDir('big-binary-');

  it('never hands a 48 MiB ELF without sections whole to the Go, Rust and binary inspectors; same results', async () => {
    const file = sectionlessBinary();
    const { sizes, record, result } = await inspectInImage(root, 'tool', file);
    for (const c of CATALOGERS) {
      const seen = sizes.get(c.name)!;
      expect(seen.length, c.name).toBeGreaterThan(0);
      expect(Math.max(...seen), c.name).toBeLessThan(16 * MiB);
      expect(result(c), c.name).toEqual(await c.inspect!(record as FileRecord, file));
    }
    const go = result(goBinaryCataloger) as { kind: string; goVersion: string };
    expect(go.kind).toBe('go');
    expect(go.goVersion).toBe('go1.22.3');
  }, 60_000);

  it('hands a big ELF with sections whole (its sections may be anywhere): the same results', async () => {
    const filler = Buffer.alloc(2 * MiB, 0x90);
    const file = syntheticElf([
      { name: '.text', data: filler },
      { name: '.go.buildinfo', data: inlineBlob('go1.21.9', MOD_INFO) },
    ]);
    const { sizes, record, result } = await inspectInImage(root, 'server', file);
    expect(Math.max(...sizes.get(goBinaryCataloger.name)!)).toBe(file.length);
    for (const c of CATALOGERS)
      expect(result(c), c.name).toEqual(await c.inspect!(record as FileRecord, file));
    expect((result(goBinaryCataloger) as { goVersion: string }).goVersion).toBe('go1.21.9');
  });
});
