// Secret-rule throughput on ordinary source text (no secrets): what "fast enough to stay on by
// default" means in MB/s, measured on this machine.
import { performance } from 'node:perf_hooks';
import { createSecretsCataloger } from '../dist/cataloger/secrets/index.js';

export function secretsThroughput(megabytes = 4, rounds = 20) {
  const cataloger = createSecretsCataloger({});
  const words = ['import', 'config', 'value', 'return', 'function', 'server', 'http', 'path', 'name'];
  let text = '';
  for (let i = 0; text.length < megabytes * 1e6; i++)
    text += `${words[i % 9]}_${i} = "${words[(i * 7) % 9]} ${i}";\n`;
  const content = Buffer.from(text);
  const record = {
    path: '/a',
    type: 'file',
    mode: 0o644,
    uid: 0,
    gid: 0,
    size: content.length,
    layerIndex: 0,
    layerDigest: 'l',
  };
  const start = performance.now();
  for (let i = 0; i < rounds; i++) cataloger.inspect(record, content);
  const seconds = (performance.now() - start) / 1000;
  return (content.length * rounds) / 1e6 / seconds;
}
