// Prints bench/results.json as the Markdown tables of docs/benchmarks.md:
// `node bench/results-table.mjs [results.json]`.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const file = process.argv[2] ?? fileURLToPath(new URL('./results.json', import.meta.url));
const r = JSON.parse(readFileSync(file, 'utf8'));

function table(header, rows) {
  const line = (cells) => `| ${cells.map((c) => String(c).replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

const m = r.machine;
const out = [];
out.push(
  `Measured ${r.date.slice(0, 10)} on ${m.nproc} CPUs (${m.cpu}), ${m.memGiB} GiB RAM, Node ${m.node}; ` +
    `median of ${r.runs} runs; load average ${m.loadAtStart.join(' ')} at the start and ` +
    `${m.loadAtEnd.join(' ')} at the end (the machine was shared with other work). ` +
    `Layers read at once by default here: ${m.layerConcurrency}.`,
  '',
  '### Targets',
  '',
  table(
    ['target', 'measured', 'goal', 'met'],
    r.targets.map((t) => [t.name, String(t.value), t.target, t.met ? 'yes' : '**no**']),
  ),
  '',
  '### Cold SBOM vs bare decompression',
  '',
  table(
    [
      'image',
      'layers',
      'files',
      'stored MiB',
      'packages',
      '`gzip -dc | wc -c` ms',
      'SBOM ms',
      'ratio',
      'peak RSS MiB',
      'ms, 1 / 2 layers at a time',
      'RSS MiB, 1 / 2 at a time',
    ],
    r.sbom.map((s) => [
      s.image,
      s.layers,
      s.files ?? '',
      s.storedMiB,
      s.packages,
      s.gzipMs,
      s.sbomMs,
      s.ratio,
      s.peakRssMiB,
      `${s.sbomMsOneLayerAtATime} / ${s.sbomMsTwoLayersAtATime}`,
      `${s.peakRssMiBOneLayerAtATime} / ${s.peakRssMiBTwoLayersAtATime}`,
    ]),
  ),
  '',
  '### Scan of the polyglot image (CLI wall time)',
  '',
  table(
    ['run', 'ms'],
    [
      ['cold (`--no-cache`)', r.rescan.coldScanMs],
      ['warm (every layer cached)', `${r.rescan.warmScanMs} (fastest ${r.rescan.warmScanMinMs})`],
      ['`customs --version`', r.rescan.versionMs],
    ],
  ),
  '',
  `Database: ${r.rescan.records}.`,
  '',
  '### Shared base layer: polyglot after bookworm',
  '',
  table(
    ['run', 'SBOM ms', 'layers read', 'from the cache'],
    [
      ['polyglot, cold', r.sharedBase.coldPolyglotMs, r.sharedBase.layers, 0],
      [
        'polyglot after bookworm',
        r.sharedBase.afterBookwormMs,
        r.sharedBase.layersRead,
        r.sharedBase.layersCached,
      ],
    ],
  ),
);
if (r.cdxgen) {
  const c = r.cdxgen;
  out.push(
    '',
    '### cdxgen on the same image (polyglot oci-archive)',
    '',
    table(
      ['tool', 'ms', 'peak RSS MiB', 'packages / components'],
      [
        ['customs sbom', c.customsMs, c.customsPeakRssMiB, c.customsPackages],
        ['cdxgen -t docker (one run)', c.cdxgenMs, c.cdxgenPeakRssMiB ?? '?', c.cdxgenComponents],
      ],
    ),
  );
}
process.stdout.write(`${out.join('\n')}\n`);
