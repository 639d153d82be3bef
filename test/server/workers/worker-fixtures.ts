// What the worker tests share: a policy that stops on a high vulnerability, skopeo pushes, waiting.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { writeOciLayout } from '../../helpers/oci-builder.js';
import { everyImageBundle } from '../../helpers/use-case-fixtures.js';

const run = promisify(execFile);

/** STOP on any vulnerability of high severity or worse; WARN always (so a clean image warns). */
export const STOP_ON_HIGH = everyImageBundle(
  [
    {
      id: 'high',
      gate: 'vulnerabilities',
      trigger: 'package',
      action: 'STOP',
      params: [
        { name: 'package_type', value: 'all' },
        { name: 'severity_comparison', value: '>=' },
        { name: 'severity', value: 'high' },
      ],
    },
    { id: 'always', gate: 'always', trigger: 'always', action: 'WARN', params: [] },
  ],
  'stop on high',
);

/** `skopeo copy oci:<dir>:<tag> docker://<dest>` to a plain-HTTP registry. */
export async function pushOci(ociDir: string, tag: string, dest: string, creds?: string): Promise<void> {
  const args = ['copy', '--quiet', '--dest-tls-verify=false'];
  if (creds) args.push('--dest-creds', creds);
  args.push(`oci:${ociDir}:${tag}`, `docker://${dest}`);
  await run('skopeo', args, { env: { ...process.env, HOME: process.env['HOME'] ?? '/tmp' } });
}

/** Polls `check` until it gives a value, or fails after `timeoutMs` saying what it waited for. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined>,
  timeoutMs = 30_000,
  everyMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Writes a one-layer image holding one global npm package and pushes it to `ref` (plain HTTP). */
export async function pushNpmImage(
  layoutDir: string,
  ref: string,
  pkg: string,
  version: string,
): Promise<void> {
  await writeOciLayout(layoutDir, {
    tag: 'v1',
    layers: [
      {
        entries: [
          {
            name: `usr/lib/node_modules/${pkg}/package.json`,
            content: JSON.stringify({ name: pkg, version }),
          },
        ],
      },
    ],
  });
  await pushOci(layoutDir, 'v1', ref);
}

/** Adds an image by tag through POST /v1/images and waits until it is analyzed; its digest. */
export async function addImageAndWait(
  address: string,
  headers: Record<string, string>,
  ref: string,
): Promise<string> {
  const added = await fetch(`${address}/v1/images`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ source: { tag: { pullstring: ref } } }),
  });
  if (!added.ok) throw new Error(`POST /v1/images ${ref}: ${added.status} ${await added.text()}`);
  const { imageDigest } = (await added.json()) as { imageDigest: string };
  await waitFor(`the analysis of ${ref}`, async () => {
    const view = (await (await fetch(`${address}/v1/images/${imageDigest}`, { headers })).json()) as {
      analysis_status: string;
    };
    return view.analysis_status === 'analyzed' ? true : undefined;
  });
  return imageDigest;
}
