// `npm run demo`: builds (once) a real Debian bookworm image without a Docker daemon, then runs
// `customs sbom` on it, as a newcomer's first look.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));
const run = (cmd, args) => execFileSync(cmd, args, { stdio: 'inherit', cwd: repo });
try {
  run(process.execPath, [join(repo, 'scripts/ensure-test-tools.mjs')]);
  run(process.execPath, [join(repo, 'scripts/build-test-images.mjs')]);
  const cacheRoot =
    process.env.CUSTOMS_TEST_CACHE || join(process.env.HOME ?? '/root', '.cache/customs-test');
  const { bookworm } = JSON.parse(readFileSync(join(cacheRoot, 'images-v2/images.json'), 'utf8')).images;
  const ref = `oci-dir:${bookworm.ociDir}:${bookworm.tag}`;
  process.stderr.write(`\n$ ./bin/customs sbom ${ref}\n`);
  run(process.execPath, [join(repo, 'bin/customs'), 'sbom', ref]);
} catch (err) {
  process.stderr.write(`demo failed: ${err.message.split('\n')[0]}\n`);
  process.exitCode = 1;
}
