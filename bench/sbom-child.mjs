// Runs one SBOM generation in a fresh process and reports time and peak memory as JSON.
import { readFileSync } from 'node:fs';
import { generateSbom } from '../dist/index.js';

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
const started = process.hrtime.bigint();
const sbom = await generateSbom(reference, {
  scope,
  ...(concurrency ? { layerConcurrency: Number(concurrency) } : {}),
});
const ms = Number(process.hrtime.bigint() - started) / 1e6;
process.stdout.write(
  JSON.stringify({
    ms,
    maxRssKb: peakRssKb(),
    packages: sbom.packages.length,
    layers: sbom.source.layers.length,
  }) + '\n',
);
