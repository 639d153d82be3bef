import { createHash } from 'node:crypto';
import { escapeHtml } from './html-escape.js';

export interface HtmlPageParts {
  title: string;
  /** The whole inline style sheet. */
  style: string;
  /** Markup of the body, already escaped. */
  body: string;
  /** The one inline script, run at the end of the body. */
  script?: string;
}

/** The CSP source expression of an inline element's exact text: `'sha256-…'`. */
export function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * A policy that allows this page's own inline style and script by their hashes and nothing
 * else: no other script or style, no images, fonts, frames or connections, no form targets.
 */
export function contentSecurityPolicy(style: string, script?: string): string {
  return [
    "default-src 'none'",
    `style-src ${cspHash(style)}`,
    `script-src ${script === undefined ? "'none'" : cspHash(script)}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/**
 * One self-contained HTML document: the inline style and script are the only code, allowed by
 * their hashes in a Content-Security-Policy meta, so the file works offline and fetches nothing.
 * The style and script are the reports' own constants (neither holds `</`).
 */
export function htmlPage(parts: HtmlPageParts): string {
  const csp = contentSecurityPolicy(parts.style, parts.script);
  const script = parts.script === undefined ? '' : `<script>${parts.script}</script>\n`;
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(parts.title)}</title><style>${parts.style}</style></head>
<body>
${parts.body}
${script}</body>
</html>
`;
}
