// The scan and check HTML reports and the web UI share one palette: src/report/html/theme.ts.
// The UI's stylesheet declares the same custom properties, and the reports take every colour
// from them, so the three cannot drift apart.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { htmlCheckReport } from '../../src/policy/report/html/index.js';
import { htmlReport } from '../../src/report/html/index.js';
import { THEME, themeRule } from '../../src/report/html/theme.js';
import { largeCheckResult, largeScanReport } from '../helpers/large-reports.js';

const STYLES = fileURLToPath(new URL('../../web/src/styles.css', import.meta.url));

/** The custom properties a stylesheet's first `:root` rule declares. */
function rootVariables(css: string): Record<string, string> {
  const body = /:root\s*\{([^}]*)\}/.exec(css)?.[1] ?? '';
  return Object.fromEntries(
    [...body.matchAll(/--([\w-]+)\s*:\s*([^;]+);?/g)].map((m) => [m[1]!, m[2]!.trim().toLowerCase()]),
  );
}

const styleOf = (html: string) => /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';

describe('one look for the UI and the reports', () => {
  it("the web UI's stylesheet declares exactly the theme's colours", () => {
    expect(rootVariables(readFileSync(STYLES, 'utf8'))).toEqual(THEME);
  });

  for (const [name, html] of [
    ['scan', htmlReport.encode(largeScanReport())],
    ['check', htmlCheckReport.encode(largeCheckResult())],
  ] as const) {
    it(`the ${name} report carries the theme and takes every colour from it`, () => {
      const style = styleOf(html);
      expect(rootVariables(style)).toEqual(THEME);
      const rest = style.replace(themeRule(), '');
      expect(rest).not.toMatch(/#[0-9a-f]{3,8}\b|rgb\(|hsl\(/i);
      const used = new Set([...rest.matchAll(/var\(--([\w-]+)\)/g)].map((m) => m[1]));
      expect(used.size).toBeGreaterThan(4);
      for (const variable of used) expect(Object.keys(THEME)).toContain(variable);
    });
  }
});
