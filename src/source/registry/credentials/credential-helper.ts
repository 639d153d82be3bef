import { spawn } from 'node:child_process';
import { RegistryError } from '../../../errors/index.js';

export interface HelperCredential {
  username: string;
  secret: string;
}

const HELPER_TIMEOUT_MS = 30_000;
const MAX_OUTPUT_BYTES = 1024 * 1024;

/**
 * Runs `docker-credential-<helper> get` with the server address on stdin and parses
 * `{ Username, Secret }`. Returns undefined when the helper says it has no credentials for the
 * server. Errors name the helper, never the secret.
 */
export async function runCredentialHelper(
  helper: string,
  server: string,
  signal?: AbortSignal,
): Promise<HelperCredential | undefined> {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(helper)) {
    throw new RegistryError('credentials', `credential helper name "${helper}" is not valid`);
  }
  const program = `docker-credential-${helper}`;
  const { code, stdout, stderr, spawnError } = await runProgram(program, server, signal);
  if (spawnError) {
    if (signal?.aborted) throw signal.reason;
    const missing = (spawnError as NodeJS.ErrnoException).code === 'ENOENT';
    throw new RegistryError(
      'credentials',
      missing
        ? `credential helper ${program} is not installed or not on PATH (needed for ${server})`
        : `credential helper ${program} could not be run: ${spawnError.message}`,
      { cause: spawnError },
    );
  }
  const out = stdout.trim();
  if (code !== 0) {
    if (/credentials not found/i.test(out) || /credentials not found/i.test(stderr)) return undefined;
    throw new RegistryError(
      'credentials',
      `credential helper ${program} failed for ${server} (exit code ${code ?? 'signal'})`,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(out);
  } catch {
    throw new RegistryError(
      'credentials',
      `credential helper ${program} printed something that is not JSON for ${server}`,
    );
  }
  const record = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Record<string, unknown>;
  const username = record['Username'];
  const secret = record['Secret'];
  if (typeof username !== 'string' || typeof secret !== 'string') {
    throw new RegistryError(
      'credentials',
      `credential helper ${program} returned JSON without string Username and Secret for ${server}`,
    );
  }
  if (secret === '') return undefined;
  return { username, secret };
}

interface ProgramResult {
  code: number | null;
  stdout: string;
  stderr: string;
  spawnError?: Error;
}

function runProgram(program: string, input: string, signal?: AbortSignal): Promise<ProgramResult> {
  return new Promise((resolve) => {
    const child = spawn(program, ['get'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      timeout: HELPER_TIMEOUT_MS,
      ...(signal ? { signal } : {}),
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (result: ProgramResult): void => {
      if (settled) return;
      settled = true;
      resolve(result);
    };
    child.stdout.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_OUTPUT_BYTES) out.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (err.length < 64) err.push(chunk);
    });
    child.on('error', (error) => finish({ code: null, stdout: '', stderr: '', spawnError: error }));
    child.on('close', (code) =>
      finish({
        code,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      }),
    );
    child.stdin.on('error', () => {
      // The helper may exit before reading stdin; its exit status tells what happened.
    });
    child.stdin.end(input);
  });
}
