import { describe, expect, it } from 'vitest';
import { parseGemList, parseGemListLine } from './gem-list.js';

describe('gem list output parsing', () => {
  it('reads plain, default and several versions per line', () => {
    expect(parseGemListLine('rack (2.2.22)')).toEqual([
      { name: 'rack', version: '2.2.22', isDefault: false },
    ]);
    expect(parseGemListLine('json (default: 2.6.1)')).toEqual([
      { name: 'json', version: '2.6.1', isDefault: true },
    ]);
    expect(parseGemListLine('bundler (2.4.1, default: 2.3.7)')).toEqual([
      { name: 'bundler', version: '2.4.1', isDefault: false },
      { name: 'bundler', version: '2.3.7', isDefault: true },
    ]);
  });

  it('drops a platform suffix and ignores lines of another shape', () => {
    expect(parseGemListLine('nokogiri (1.15.5 x86_64-linux)')).toEqual([
      { name: 'nokogiri', version: '1.15.5', isDefault: false },
    ]);
    expect(parseGemList('\n*** LOCAL GEMS ***\n\nrake (13.0.6)\n')).toEqual([
      { name: 'rake', version: '13.0.6', isDefault: false },
    ]);
  });
});
