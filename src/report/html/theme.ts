/**
 * The one palette and type of Customs' pages: the web UI (web/src/styles.css declares the same
 * custom properties in its :root, and a test holds the two together) and the single-file scan
 * and check reports, which carry it inline so that they look alike and need nothing online.
 * Every text colour meets WCAG AA contrast (4.5:1) on the background and on the panel.
 */
export const THEME = {
  fg: '#1b1f24',
  muted: '#57606a',
  bg: '#ffffff',
  panel: '#f6f8fa',
  line: '#d0d7de',
  accent: '#0a58ca',
  stop: '#a40e26',
  warn: '#7a4d00',
  go: '#116329',
  high: '#8a1c00',
} as const;

export const SANS_FONTS = "system-ui,-apple-system,'Segoe UI',Roboto,sans-serif";
export const MONO_FONTS = "ui-monospace,'SFMono-Regular',Menlo,Consolas,monospace";

/** The palette as a `:root { --name: value }` rule. */
export function themeRule(): string {
  const vars = Object.entries(THEME)
    .map(([name, value]) => `--${name}:${value}`)
    .join(';');
  return `:root{${vars}}`;
}
