// Runs one SBOM generation in a fresh process and reports time, peak memory and layer-cache use
// as JSON. $BENCH_LAYER_CONCURRENCY: layers read at once; $BENCH_CACHE_DIR: a layer cache.
import { readFileSync } from 'node:fs';
import { generateSbom } from '../dist/index.js';
import { FileLayerCache } from '../dist/layer-cache/index.js';

/**
 * Peak resident memory of this process alone. getrusage's maxrss is not usable here: Linux
 * carries the parent's high-water mark across fork and exec. VmHWM belongs to this image only.
 */
function peakRssKb() {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return m ? Number(m[1]) : process.resourceUsage().maxRSS;
}

const [reference, scope = 'squashed'] = process.argv.slice(2);
const concurrency = process.env.BENCH_LAYER_CONCURRENCY;
const cacheDir = process.env.BENCH_CACHE_DIR;
const layers = { read: 0, cached: 0 };
const started = process.hrtime.bigint();
const sbom = await generateSbom(reference, {
  scope,
  ...(concurrency ? { layerConcurrency: Number(concurrency) } : {}),
  ...(cacheDir ? { layerCache: new FileLayerCache(cacheDir) } : {}),
  onProgress: (e) => {
    if (e.kind === 'layer-done') layers[e.cached ? 'cached' : 'read']++;
  },
});
const ms = Number(process.hrtime.bigint() - started) / 1e6;
process.stdout.write(
  JSON.stringify({
    ms,
    maxRssKb: peakRssKb(),
    packages: sbom.packages.length,
    layers: sbom.source.layers.length,
    layersRead: layers.read,
    layersCached: layers.cached,
  }) + '\n',
);
