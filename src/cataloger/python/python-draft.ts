import type { Location } from '../../model/location.js';
import { normalisePythonName } from './name.js';

/** A Python package being assembled: the same identity seen in several layers merges into one. */
export interface PythonDraft {
  name: string;
  version: string;
  /** site-packages directory (installed) or project directory (lock files). */
  scopeDir: string;
  installed: boolean;
  licenses: string[];
  metadata: Record<string, unknown>;
  /** Normalised names of required packages. */
  dependsOn: string[];
  locations: Location[];
}

/** Drafts keyed by identity: installed-or-declared, scope directory, normalised name, version. */
export class PythonDrafts {
  private readonly byKey = new Map<string, PythonDraft>();

  add(draft: PythonDraft): void {
    const key = [
      draft.installed ? 'installed' : 'declared',
      draft.scopeDir,
      normalisePythonName(draft.name),
      draft.version,
    ].join('\u0000');
    const existing = this.byKey.get(key);
    if (!existing) {
      this.byKey.set(key, draft);
      return;
    }
    existing.locations.push(...draft.locations);
    for (const dep of draft.dependsOn) if (!existing.dependsOn.includes(dep)) existing.dependsOn.push(dep);
  }

  all(): PythonDraft[] {
    return [...this.byKey.values()];
  }
}
