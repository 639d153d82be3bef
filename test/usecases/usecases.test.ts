// The library use cases the CLI and the service both call: data in, data out, typed errors.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BundleProblemsError, VulnerabilityDataError } from '../../src/errors/index.js';
import { checkImage, scanImage, sbomImage } from '../../src/usecases/index.js';
import { openSqliteStore } from '../../src/vulndb/store/sqlite/index.js';
import { pkg, sbomWith } from '../helpers/memory-vuln-store.js';
import { everyImageBundle, writeLodashDatabase } from '../helpers/use-case-fixtures.js';

let dir: string;
let db: string;
let emptyDb: string;
let sbomSource: string;

const bundle = (rules: unknown[]) => ({ document: everyImageBundle(rules), name: 'test bundle' });

const criticalRule = {
  id: 'crit',
  gate: 'vulnerabilities',
  trigger: 'package',
  action: 'STOP',
  params: [
    { name: 'package_type', value: 'all' },
    { name: 'severity_comparison', value: '>=' },
    { name: 'severity', value: 'high' },
  ],
};
const alwaysWarn = { id: 'always', gate: 'always', trigger: 'always', action: 'WARN', params: [] };

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'customs-usecases-'));
  db = path.join(dir, 'vuln.db');
  await writeLodashDatabase(db);
  emptyDb = path.join(dir, 'empty.db');
  const empty = openSqliteStore(emptyDb);
  await (await empty.begin()).commit();
  await empty.close();
  sbomSource = path.join(dir, 'app.sbom.json');
  writeFileSync(
    sbomSource,
    JSON.stringify(sbomWith([pkg('npm', 'lodash', '4.17.11', { purl: 'pkg:npm/lodash@4.17.11' })], null)),
  );
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sbomImage', () => {
  it('returns the SBOM and its warnings as data', async () => {
    const { sbom, warnings } = await sbomImage(`sbom:${sbomSource}`);
    expect(sbom.packages.map((p) => p.name)).toEqual(['lodash']);
    expect(warnings).toEqual(sbom.warnings);
  });
});

describe('scanImage', () => {
  it('scans with a store the caller opened, and leaves it open', async () => {
    const store = openSqliteStore(db, { readonly: true });
    try {
      const { scan, failing } = await scanImage(`sbom:${sbomSource}`, { store, failOn: 'high' });
      expect(scan.matches.map((m) => m.vulnerability.id)).toEqual(['GHSA-jf85-cpcp-j695']);
      expect(failing).toBe(1);
      expect((await store.status()).providers.length).toBe(1);
    } finally {
      await store.close();
    }
  });

  it('counts nothing failing without a gate, and below it', async () => {
    expect((await scanImage(`sbom:${sbomSource}`, { store: db })).failing).toBe(0);
    expect((await scanImage(`sbom:${sbomSource}`, { store: db, failOn: 'critical' })).failing).toBe(1);
  });

  it('refuses a missing database before reading the image', async () => {
    const missing = path.join(dir, 'no-such.db');
    const err = await scanImage('oci-dir:/no/such/layout', { store: missing }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(VulnerabilityDataError);
    expect((err as VulnerabilityDataError).problem).toBe('missing');
    expect((err as VulnerabilityDataError).detail).toBe(`no vulnerability database at ${missing}`);
  });

  it('does not let a gate pass on a database with no data', async () => {
    const err = await scanImage(`sbom:${sbomSource}`, { store: emptyDb, failOn: 'high' }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(VulnerabilityDataError);
    expect((err as VulnerabilityDataError).problem).toBe('no-coverage');
    expect((err as Error).message).not.toMatch(/--|customs /); // domain words, no flags
    // Without a gate the same scan is a report with a warning.
    const { warnings } = await scanImage(`sbom:${sbomSource}`, { store: emptyDb });
    expect(warnings.join('\n')).toMatch(/holds no data/);
  });
});

describe('checkImage', () => {
  it('evaluates a bundle document with the scan, returning every part as data', async () => {
    const { sbom, scan, result, warnings } = await checkImage(
      `sbom:${sbomSource}`,
      bundle([criticalRule, alwaysWarn]),
      { store: db, tag: 'registry.example.com/app:1' },
    );
    expect(sbom.packages).toHaveLength(1);
    expect(scan?.matches).toHaveLength(1);
    expect(result.finalAction).toBe('stop');
    expect(result.findings.map((f) => f.ruleId).sort()).toEqual(['always', 'crit']);
    expect(Array.isArray(warnings)).toBe(true);
  });

  it('without vulnerability data does not scan, and a missing database only warns when no rule needs it', async () => {
    const none = await checkImage(`sbom:${sbomSource}`, bundle([alwaysWarn]), {});
    expect(none.scan).toBeUndefined();
    expect(none.result.finalAction).toBe('warn');
    const missing = path.join(dir, 'gone.db');
    const warned = await checkImage(`sbom:${sbomSource}`, bundle([alwaysWarn]), { store: missing });
    expect(warned.warnings).toContain(`no vulnerability database at ${missing}: vulnerabilities not checked`);
    const err = await checkImage(`sbom:${sbomSource}`, bundle([criticalRule]), { store: missing }).catch(
      (e: unknown) => e,
    );
    expect((err as VulnerabilityDataError).problem).toBe('missing');
  });

  it('reports every problem of a bad bundle with its path', async () => {
    const bad = bundle([
      { ...criticalRule, gate: 'no_such_gate' },
      { ...alwaysWarn, action: 'MAYBE' },
    ]);
    const err = await checkImage(`sbom:${sbomSource}`, bad, {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BundleProblemsError);
    const paths = (err as BundleProblemsError).problems.map((p) => p.path);
    expect(paths.length, paths.join()).toBeGreaterThanOrEqual(2);
    expect(paths.every((p) => p.includes('rules['))).toBe(true);
  });
});
