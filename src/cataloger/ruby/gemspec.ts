import { readRubyValue, type RubyValue, stringsOf } from './ruby-literal.js';

/** What an installed gem's specification says. */
export interface Gemspec {
  name: string;
  version: string;
  platform?: string;
  licenses: string[];
  authors: string[];
  homepage?: string;
  summary?: string;
  /** Runtime dependency names (`add_runtime_dependency` / `add_dependency`). */
  dependsOn: string[];
  files?: string[];
}

export type GemspecOutcome = { kind: 'gem'; gem: Gemspec } | { kind: 'invalid'; message: string };

const BLOCK = /Gem::Specification\.new\s*(?:do\s*\|\s*(\w+)\s*\||\{\s*\|\s*(\w+)\s*\|)/;

function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Every `var.attr = <literal>` assignment of the block variable, first one wins. */
function assignments(src: string, variable: string): Map<string, RubyValue> {
  const out = new Map<string, RubyValue>();
  const pattern = new RegExp(`(?:^|[\\s;])${escape(variable)}\\.(\\w+)\\s*=(?!=)`, 'g');
  for (const match of src.matchAll(pattern)) {
    const attr = match[1] as string;
    if (out.has(attr)) continue;
    const value = readRubyValue(src, (match.index ?? 0) + match[0].length);
    if (value) out.set(attr, value.value);
  }
  return out;
}

function runtimeDependencies(src: string, variable: string): string[] {
  const pattern = new RegExp(`${escape(variable)}\\.add_(runtime_)?dependency\\s*\\(?`, 'g');
  const names = new Set<string>();
  for (const match of src.matchAll(pattern)) {
    const value = readRubyValue(src, (match.index ?? 0) + match[0].length);
    if (typeof value?.value === 'string' && value.value !== '') names.add(value.value);
  }
  return [...names];
}

function single(value: RubyValue | undefined): string | undefined {
  const first = stringsOf(value)[0]?.trim();
  return first ? first : undefined;
}

/** Parses a gemspec as rubygems writes it into `specifications/`; never evaluates, never throws. */
export function parseGemspec(src: string): GemspecOutcome {
  const block = BLOCK.exec(src);
  if (!block) return { kind: 'invalid', message: 'no Gem::Specification.new block' };
  const variable = block[1] ?? block[2] ?? 's';
  const body = src.slice(block.index + block[0].length);
  const values = assignments(body, variable);
  const name = single(values.get('name'));
  const version = single(values.get('version'));
  if (!name) return { kind: 'invalid', message: 'gemspec has no name' };
  if (!version) return { kind: 'invalid', message: `gemspec of ${name} has no version` };
  const licenses = [...stringsOf(values.get('licenses')), ...stringsOf(values.get('license'))]
    .map((l) => l.trim())
    .filter(Boolean);
  const gem: Gemspec = {
    name,
    version,
    licenses: [...new Set(licenses)],
    authors: [...stringsOf(values.get('authors')), ...stringsOf(values.get('author'))].filter(Boolean),
    dependsOn: runtimeDependencies(body, variable),
  };
  const platform = single(values.get('platform'));
  if (platform && platform !== 'ruby') gem.platform = platform;
  const homepage = single(values.get('homepage'));
  if (homepage) gem.homepage = homepage;
  const summary = single(values.get('summary'));
  if (summary) gem.summary = summary;
  const files = stringsOf(values.get('files'));
  if (files.length) gem.files = files;
  return { kind: 'gem', gem };
}
