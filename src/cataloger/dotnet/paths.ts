/** Cheap path test: the `<app>.deps.json` files .NET writes beside an application. */
export function wantsDotnetPath(path: string): boolean {
  return path.endsWith('.deps.json');
}
