// Hand-written OVAL documents and in-memory filesystems for the OVAL evaluator's unit tests.
import type { FileRecord } from '../../src/resolver/file-view.js';
import { newContext, type OvalContext } from '../../src/scap/oval/context.js';
import { indexOval } from '../../src/scap/oval/document.js';
import { evaluateDefinition } from '../../src/scap/oval/definitions.js';
import type { OvalResult } from '../../src/scap/oval/result.js';
import { TreeSystem } from '../../src/scap/system.js';
import { parseXml } from '../../src/xml/xml-reader.js';

export interface FakeFile {
  path: string;
  content?: string;
  mode?: number;
  uid?: number;
  gid?: number;
  type?: FileRecord['type'];
  linkTarget?: string;
}

/** A system of these files (directories implied by the paths), contents by path. */
export function fakeSystem(files: readonly FakeFile[], env: Record<string, string> = {}): TreeSystem {
  const records = files.map((f): FileRecord => ({
    path: f.path,
    type: f.type ?? 'file',
    mode: f.mode ?? 0o644,
    uid: f.uid ?? 0,
    gid: f.gid ?? 0,
    size: f.content?.length ?? 0,
    layerIndex: 0,
    layerDigest: 'sha256:test',
    ...(f.linkTarget !== undefined ? { linkTarget: f.linkTarget } : {}),
  }));
  const contents = new Map(
    files.filter((f) => f.content !== undefined).map((f) => [f.path, Buffer.from(f.content!)]),
  );
  return TreeSystem.of(
    records,
    (r) => contents.get(r.path),
    () => undefined,
    new Map(Object.entries(env)),
    'x86_64',
  );
}

const HEAD = `<oval_definitions xmlns="http://oval.mitre.org/XMLSchema/oval-definitions-5"
  xmlns:ind="http://oval.mitre.org/XMLSchema/oval-definitions-5#independent"
  xmlns:unix="http://oval.mitre.org/XMLSchema/oval-definitions-5#unix"
  xmlns:linux="http://oval.mitre.org/XMLSchema/oval-definitions-5#linux"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`;

/** An OVAL document of these sections (inner XML of definitions, tests, objects, states, variables). */
export function ovalDocument(parts: {
  definitions?: string;
  tests?: string;
  objects?: string;
  states?: string;
  variables?: string;
}): string {
  const section = (name: string, body: string | undefined): string =>
    body ? `<${name}>${body}</${name}>` : '';
  return `${HEAD}${section('definitions', parts.definitions)}${section('tests', parts.tests)}${section('objects', parts.objects)}${section('states', parts.states)}${section('variables', parts.variables)}</oval_definitions>`;
}

/** A definition `oval:t:def:1` whose criteria is one criterion on `oval:t:tst:1`. */
export function oneTest(test: string, objects: string, states = '', variables = ''): string {
  return ovalDocument({
    definitions: `<definition id="oval:t:def:1" class="compliance" version="1"><criteria><criterion test_ref="oval:t:tst:1"/></criteria></definition>`,
    tests: test,
    objects,
    states,
    variables,
  });
}

export function contextOf(
  xml: string,
  system: TreeSystem,
  externals: Record<string, string[]> = {},
): OvalContext {
  return newContext(indexOval(parseXml(xml)), system, new Map(Object.entries(externals)));
}

/** The result of definition `id` (default oval:t:def:1) of `xml` on `system`. */
export function definitionResult(
  xml: string,
  system: TreeSystem,
  externals: Record<string, string[]> = {},
  id = 'oval:t:def:1',
): OvalResult {
  return evaluateDefinition(contextOf(xml, system, externals), id);
}
