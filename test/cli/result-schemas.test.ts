// The built CLI's JSON documents (sbom, scan, check) on the real polyglot image, validated with ajv
// against the JSON Schemas published in docs/schemas/. A second, closed reading of each schema
// (no property it does not name) catches a field the output has and the schema does not describe.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/vulndb/store/sqlite/index.js';
import { affected, vulnerability } from '../helpers/memory-vuln-store.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';
import { getTestImages } from '../images/index.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const root = tempDir('customs-result-schemas-');
const db = join(root, 'vuln.sqlite');
const { polyglot } = getTestImages().images;
const image = `oci-dir:${polyglot.ociDir}:${polyglot.tag}`;
const schemaFile = (name: string): string =>
  fileURLToPath(new URL(`../../docs/schemas/customs-${name}-1.schema.json`, import.meta.url));

type Json = { [key: string]: unknown };

/** The schema with `additionalProperties: false` on every object that lists its properties. */
function closed(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closed);
  if (typeof schema !== 'object' || schema === null) return schema;
  const out: Json = {};
  for (const [key, value] of Object.entries(schema)) out[key] = closed(value);
  if (out.type === 'object' && out.properties !== undefined && out.additionalProperties === undefined)
    out.additionalProperties = false;
  return out;
}

function validators(name: string): { open: ValidateFunction; strict: ValidateFunction } {
  const schema = JSON.parse(readFileSync(schemaFile(name), 'utf8')) as Json;
  const compile = (s: unknown): ValidateFunction => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    return ajv.compile(s as Json);
  };
  return { open: compile(schema), strict: compile(closed({ ...schema, $id: `closed-${name}` })) };
}

function expectValid(name: string, doc: unknown): void {
  const { open, strict } = validators(name);
  open(doc);
  expect(open.errors ?? []).toEqual([]);
  strict(doc);
  expect(strict.errors ?? []).toEqual([]);
}

function runJson(args: string[]): Json {
  const r = runCli(args);
  // 0, or 2 for a STOP: either way a full document; 1 would be an error.
  expect({ code: r.code, stderr: r.code === 1 ? r.stderr : '' }).toMatchObject({
    code: expect.toBeOneOf([0, 2]),
  });
  return JSON.parse(r.stdout) as Json;
}

beforeAll(async () => {
  // Data for a deb (through its source package, debian:12) and an npm package of the image, with
  // EPSS and KEV, so matches carry every optional part.
  const store = openSqliteStore(db);
  const session = await store.begin();
  await session.putVulnerability(vulnerability('CVE-2099-1000', { severity: 'high' }), [
    affected('CVE-2099-1000', 'debian:12', 'bash', {
      ranges: [{ fixed: '5.2.15-2+b99' }],
      fixedVersions: ['5.2.15-2+b99'],
    }),
  ]);
  await session.putVulnerability(
    vulnerability('GHSA-jf85-cpcp-j695', { aliases: ['CVE-2019-10744'], severity: 'critical' }),
    [
      affected('GHSA-jf85-cpcp-j695', 'npm', 'lodash', {
        scheme: 'semver',
        ranges: [{ introduced: '0', fixed: '4.17.12' }],
        fixedVersions: ['4.17.12'],
      }),
    ],
  );
  await session.putEpss({ cve: 'CVE-2019-10744', score: 0.5, percentile: 0.9, date: '2026-12-01' });
  await session.putKev({ cve: 'CVE-2019-10744', dateAdded: '2026-01-01' });
  await session.recordProvider({ provider: 'test', lastSync: new Date().toISOString(), rejected: 0 });
  await session.commit();
  await store.close();
  writeFileSync(
    join(root, 'ignore.yaml'),
    'ignore:\n  - vulnerability: CVE-2099-1000\n    reason: accepted for the test\n',
  );
});

describe('result documents of the built CLI against docs/schemas', () => {
  it('sbom -o json (every file, digests) is a valid customs-sbom/1', () => {
    const sbom = runJson(['sbom', image, '-o', 'json', '--files', 'all', '--file-digests']);
    expect(sbom.schema).toBe('customs-sbom/1');
    expect((sbom.packages as unknown[]).length).toBeGreaterThan(100);
    expectValid('sbom', sbom);
  });

  it('scan -o json, with matches and ignored matches, is a valid customs-scan/1', () => {
    const scan = runJson(['scan', image, '--db', db, '--ignore', join(root, 'ignore.yaml'), '-o', 'json']);
    expect(scan.schema).toBe('customs-scan/1');
    expect((scan.matches as Json[]).map((m) => (m.vulnerability as Json).id)).toContain(
      'GHSA-jf85-cpcp-j695',
    );
    expect((scan.ignoredMatches as Json[]).map((m) => (m.vulnerability as Json).id)).toEqual([
      'CVE-2099-1000',
    ]);
    expectValid('scan', scan);
  });

  it('check -o json with the default bundle is a valid check result', () => {
    const policy = fileURLToPath(new URL('../../policies/default.json', import.meta.url));
    const result = runJson(['check', image, '--policy', policy, '--db', db, '-o', 'json']);
    expect((result.findings as unknown[]).length).toBeGreaterThan(0);
    expectValid('check', result);
  });

  it('the validation can fail: a scan document without its database, or with a stray field, is refused', () => {
    const scan = runJson(['scan', image, '--db', db, '-o', 'json']);
    const { open, strict } = validators('scan');
    expect(open({ ...scan, database: undefined })).toBe(false);
    expect(open({ ...scan, surprise: 1 })).toBe(true);
    expect(strict({ ...scan, surprise: 1 })).toBe(false);
  });
});
