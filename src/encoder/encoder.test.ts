import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors/index.js';
import { SBOM_ENCODERS } from '../format/registry.js';
import { CHECK_REPORT_ENCODERS } from '../policy/report/registry.js';
import { REPORT_ENCODERS } from '../report/registry.js';
import { encoderRegistry } from './encoder.js';

describe('encoder registries', () => {
  const upper = { name: 'upper', description: 'upper case', encode: (s: string) => s.toUpperCase() };

  it('finds an encoder by name and names the choices when there is none', () => {
    const registry = encoderRegistry([upper]);
    expect(registry.get('upper').encode('a')).toBe('A');
    expect(() => registry.get('lower')).toThrow(UsageError);
    expect(() => registry.get('lower')).toThrow('unknown output format "lower" (choose from upper)');
  });

  it('refuses two encoders of one name', () => {
    expect(() => encoderRegistry([upper, upper])).toThrow(RangeError);
  });

  it('serves the SBOM formats, the scan reports and the check reports alike', () => {
    expect(SBOM_ENCODERS.names()).toEqual(['json', 'table', 'cyclonedx-json', 'cyclonedx-xml', 'spdx-json']);
    expect(REPORT_ENCODERS.names()).toEqual([
      'table',
      'json',
      'sarif',
      'cyclonedx-json',
      'junit',
      'gitlab',
      'html',
    ]);
    expect(CHECK_REPORT_ENCODERS.names()).toEqual(['table', 'json', 'junit', 'sarif', 'html']);
    for (const registry of [SBOM_ENCODERS, REPORT_ENCODERS, CHECK_REPORT_ENCODERS])
      expect(() => registry.get('yaml')).toThrow(/^unknown output format "yaml" \(choose from /);
  });
});
