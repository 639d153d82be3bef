import { packageUrl } from '../package-url.js';

/** PEP 503 normalised project name: lower case, runs of `-`, `_` and `.` become one `-`. */
export function normalisePythonName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[-_.]+/g, '-');
}

/** `pkg:pypi/<normalised-name>@version`. */
export function pypiPurl(name: string, version: string): string | undefined {
  return packageUrl('pypi', undefined, normalisePythonName(name), version || undefined);
}
