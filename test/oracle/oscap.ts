// OpenSCAP (`oscap`, Debian's openscap-scanner) as the oracle of SCAP evaluations: it evaluates
// content against a root filesystem on the host with OSCAP_PROBE_ROOT and reports each rule.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseXml, type XmlNode } from '../../src/xml/xml-reader.js';

export const SSG_CONTENT_DIR = '/usr/share/xml/scap/ssg/content';

/** `oscap --version`'s first line, or undefined when oscap is not installed. */
export function oscapVersion(): string | undefined {
  const r = spawnSync('oscap', ['--version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) return undefined;
  return r.stdout.split('\n')[0]?.trim();
}

/** The SSG data stream for Debian closest to bookworm that is installed, if any. */
export function debianDataStream(): string | undefined {
  for (const name of ['ssg-debian12-ds.xml', 'ssg-debian11-ds.xml', 'ssg-debian10-ds.xml']) {
    const path = join(SSG_CONTENT_DIR, name);
    if (existsSync(path)) return path;
  }
  return undefined;
}

/**
 * Runs `oscap xccdf eval` of `profile` on the root filesystem at `root` and returns each rule's
 * result from the TestResult it writes (exit 0: all passed, 2: some failed; anything else fails).
 */
export function oscapEvaluate(
  content: string,
  profile: string,
  root: string,
  resultsFile: string,
  tailoring?: string,
): Map<string, string> {
  const tailor = tailoring ? ['--tailoring-file', tailoring] : [];
  const r = spawnSync(
    'oscap',
    ['xccdf', 'eval', ...tailor, '--profile', profile, '--results', resultsFile, content],
    {
      encoding: 'utf8',
      env: { ...process.env, OSCAP_PROBE_ROOT: root },
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  if (r.error || (r.status !== 0 && r.status !== 2))
    throw new Error(
      `oscap failed (${r.error?.message ?? `exit ${String(r.status)}`}): ${r.stderr.slice(0, 2000)}`,
    );
  return ruleResults(parseXml(readFileSync(resultsFile, 'utf8')));
}

function ruleResults(root: XmlNode): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (node: XmlNode): void => {
    if (node.name === 'rule-result' && node.attrs.idref) {
      const result = node.children.find((c) => c.name === 'result')?.text.trim() ?? '';
      out.set(node.attrs.idref, result);
      return;
    }
    for (const c of node.children) walk(c);
  };
  walk(root);
  return out;
}
