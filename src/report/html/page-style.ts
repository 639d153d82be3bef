import { MONO_FONTS, SANS_FONTS, themeRule } from './theme.js';

/**
 * The style both HTML reports share, in the web UI's palette and type (theme.ts): a page that
 * fits its window (long paths, ids and digests wrap anywhere instead of widening the table), a
 * sticky table header whose buttons sort, and the filter box. Each report adds its own classes.
 */
export const PAGE_STYLE = `${themeRule()}
body{font:14px ${SANS_FONTS};margin:2em;color:var(--fg);background:var(--bg)}
a{color:var(--accent)}:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
h1,p{overflow-wrap:anywhere}h1{font-size:1.6em}code{font:12px ${MONO_FONTS}}
table.report{border-collapse:collapse;width:100%}
th,td{border-bottom:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top;overflow-wrap:break-word}
td.long{overflow-wrap:anywhere}td.lines{white-space:pre-wrap}
thead th{background:var(--panel);position:sticky;top:0}
tbody tr:hover{background:var(--panel)}
th button{all:unset;cursor:pointer;font-weight:600}th button:focus-visible{outline:3px solid var(--accent)}
th[aria-sort=ascending] button::after{content:" \\25B2"}th[aria-sort=descending] button::after{content:" \\25BC"}
.table-tools{margin:1em 0}.table-tools input{font:inherit;padding:4px 6px;width:24em;max-width:100%}
.muted{color:var(--muted)}`;
