import { CORE_SCHEMA, FAILSAFE_SCHEMA, load } from 'js-yaml';

export interface FeedYamlOptions {
  /** Every scalar as a string (Alpine's secdb versions like `1.10` must not become numbers). */
  stringsOnly?: boolean;
  /** Accept repeated keys, the last one winning (some hand-edited feeds repeat them). */
  duplicateKeys?: boolean;
}

/**
 * Reads one YAML feed document with the YAML 1.2 core schema (no timestamps or custom types:
 * dates stay strings, exactly as the `yaml` package reads them). js-yaml is used here because
 * feeds hold thousands of small YAML files and it reads them about eight times faster.
 * Throws on text that is not YAML.
 */
export function parseFeedYaml(text: string, options: FeedYamlOptions = {}): unknown {
  return load(text, {
    schema: options.stringsOnly ? FAILSAFE_SCHEMA : CORE_SCHEMA,
    json: options.duplicateKeys === true,
  });
}
