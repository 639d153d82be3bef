/**
 * The style both HTML reports share: a page that fits its window (long paths, ids and digests
 * wrap anywhere instead of widening the table), a sticky table header whose buttons sort, and
 * the filter box. Each report adds its own colours.
 */
export const PAGE_STYLE = `body{font:14px system-ui,sans-serif;margin:2em;color:#222}
h1,p{overflow-wrap:anywhere}h1{font-size:1.6em}code{font-size:12px}
table.report{border-collapse:collapse;width:100%}
th,td{border-bottom:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top;overflow-wrap:break-word}
td.long{overflow-wrap:anywhere}td.lines{white-space:pre-wrap}
thead th{background:#f4f4f4;position:sticky;top:0}
th button{all:unset;cursor:pointer;font-weight:600}th button:focus-visible{outline:2px solid #2e86c1}
th[aria-sort=ascending] button::after{content:" \\25B2"}th[aria-sort=descending] button::after{content:" \\25BC"}
.table-tools{margin:1em 0}.table-tools input{font:inherit;padding:4px 6px;width:24em;max-width:100%}`;
