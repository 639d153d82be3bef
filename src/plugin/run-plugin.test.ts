// Misbehaving plugins, written to a temp dir: each failure is one PluginError line naming the
// plugin and what went wrong; a cancelled run kills the plugin's process group at once.
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test/helpers/temp-dir.js';
import { CancelledError, PluginError } from '../errors/index.js';
import { PLUGIN_PROTOCOL, type PluginInput, type PluginRunOptions } from './protocol.js';
import { runPlugin } from './run-plugin.js';

const dir = tempDir('customs-plugin-');

function script(name: string, body: string, mode = 0o755): string {
  const path = join(dir, name);
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, mode);
  return path;
}

const input: PluginInput = { protocol: PLUGIN_PROTOCOL, kind: 'gate', params: { n: 1 } };

type Runner = (
  path: string,
  input: PluginInput,
  options?: PluginRunOptions,
) => Promise<Record<string, unknown>>;
const runners: [string, Runner][] = [['runPlugin', runPlugin]];

async function failure(run: Runner, path: string, options?: PluginRunOptions): Promise<PluginError> {
  const error: unknown = await run(path, input, options).then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(error).toBeInstanceOf(PluginError);
  const pluginError = error as PluginError;
  expect(pluginError.code).toBe('plugin');
  expect(pluginError.message).not.toContain('\n');
  return pluginError;
}

describe.each(runners)('%s', (_, run) => {
  it('sends the input on stdin and returns the JSON object printed', async () => {
    const echo = script('echo', 'exec cat');
    const big = { ...input, params: { text: 'x'.repeat(3 * 1024 * 1024) } };
    await expect(run(echo, big)).resolves.toEqual(big);
  });

  it('succeeds when the plugin does not read its input', async () => {
    const lazy = script('lazy', `echo '{"findings":[]}'`);
    const big = { ...input, params: { text: 'x'.repeat(3 * 1024 * 1024) } };
    await expect(run(lazy, big)).resolves.toEqual({ findings: [] });
  });

  it('exit status 1: the first line of stderr', async () => {
    const path = script('fails', 'echo >&2; echo "no SBOM given" >&2; echo "details" >&2; exit 1');
    expect((await failure(run, path)).message).toBe('plugin fails failed: no SBOM given');
  });

  it('exit status 1 without stderr says so', async () => {
    const path = script('quiet-fail', 'exit 1');
    expect((await failure(run, path)).message).toBe(
      'plugin quiet-fail failed (exit status 1) with nothing on stderr',
    );
  });

  it('another exit status: the status and stderr', async () => {
    const path = script('exit3', 'echo "segfault-ish" >&2; exit 3');
    expect((await failure(run, path)).message).toBe('plugin exit3 exited with status 3: segfault-ish');
  });

  it('killed by a signal', async () => {
    const path = script('suicide', 'kill -TERM $$');
    expect((await failure(run, path)).message).toBe('plugin suicide was killed by SIGTERM');
  });

  it('non-JSON output', async () => {
    const path = script('chatty', 'echo "hello, world"');
    expect((await failure(run, path)).message).toMatch(/^plugin chatty printed invalid JSON on stdout: /);
  });

  it('JSON that is not an object, and no output at all', async () => {
    expect((await failure(run, script('array', 'echo "[1, 2]"'))).message).toBe(
      'plugin array printed JSON that is not an object',
    );
    expect((await failure(run, script('silent', 'true'))).message).toBe(
      'plugin silent printed nothing on stdout (expected a JSON object)',
    );
  });

  it('past its timeout', async () => {
    const path = script('sleepy', 'sleep 10; echo "{}"');
    expect((await failure(run, path, { timeoutMs: 500 })).message).toBe(
      'plugin sleepy timed out after 500 ms',
    );
  });

  it('10 MiB on stdout, past the default 8 MiB cap', async () => {
    const path = script('flood', 'head -c 10485760 /dev/zero | tr "\\000" "a"');
    expect((await failure(run, path)).message).toBe('plugin flood printed more than 8388608 bytes on stdout');
  });

  it('a configured output cap', async () => {
    const path = script(
      'wordy',
      `printf '{"findings":[],"padding":"%s"}' "$(head -c 2000 /dev/zero | tr '\\000' 'a')"`,
    );
    expect((await failure(run, path, { maxOutputBytes: 1000 })).message).toBe(
      'plugin wordy printed more than 1000 bytes on stdout',
    );
    await expect(run(path, input, { maxOutputBytes: 4000 })).resolves.toHaveProperty('findings', []);
  });

  it('not executable', async () => {
    const path = script('noexec', 'echo "{}"', 0o644);
    expect((await failure(run, path)).message).toBe(`plugin noexec: ${path} is not executable`);
  });

  it('does not exist', async () => {
    const path = join(dir, 'missing');
    expect((await failure(run, path)).message).toBe(`plugin missing: ${path} does not exist`);
  });

  it('a missing interpreter', async () => {
    const path = join(dir, 'no-interpreter');
    writeFileSync(path, '#!/nonexistent/interpreter\n');
    chmodSync(path, 0o755);
    expect((await failure(run, path)).message).toBe(
      `plugin no-interpreter: cannot run ${path}: its interpreter (#! line) was not found`,
    );
  });

  it('uses the given name in errors', async () => {
    const path = script('named', 'exit 3');
    expect((await failure(run, path, { name: 'acme' })).message).toBe('plugin acme exited with status 3');
  });

  it('never runs the path through a shell', async () => {
    const path = join(dir, 'echo; touch pwned');
    expect((await failure(run, path)).message).toBe(`plugin echo; touch pwned: ${path} does not exist`);
  });
});

describe('runPlugin cancellation', () => {
  /** Running, not a zombie waiting for a reaper (this sandbox's init may not reap). */
  function alive(pid: number): boolean {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      return !/^\d+ \(.*\) [ZX] /.test(stat);
    } catch {
      return false;
    }
  }

  it('kills the plugin and its children within a second of the signal', async () => {
    const pidFile = join(dir, 'child.pid');
    // The plugin starts a child that would outlive a plain kill of the plugin itself.
    const path = script('slow-with-child', `sleep 30 & echo $! > ${pidFile}\nwait`);
    const controller = new AbortController();
    const started = Date.now();
    const running = runPlugin(path, input, { signal: controller.signal, timeoutMs: 60_000 });
    const pending = running.then(
      () => undefined,
      (err: unknown) => err,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    controller.abort();
    const error = await pending;
    expect(error).toBeInstanceOf(CancelledError);
    expect((error as CancelledError).code).toBe('cancelled');
    expect(Date.now() - started).toBeLessThan(1_300);
    expect(existsSync(pidFile)).toBe(true);
    const child = Number(readFileSync(pidFile, 'utf8').trim());
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(alive(child)).toBe(false);
  });

  it('does not start a plugin when the signal has already fired', async () => {
    const marker = join(dir, 'started');
    const path = script('marks-start', `touch ${marker}\necho '{}'`);
    const controller = new AbortController();
    controller.abort();
    await expect(runPlugin(path, input, { signal: controller.signal })).rejects.toBeInstanceOf(
      CancelledError,
    );
    expect(existsSync(marker)).toBe(false);
  });
});
