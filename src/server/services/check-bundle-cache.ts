import { loadCheckBundle, type LoadedBundle } from '../../usecases/check-bundle.js';

const DEFAULT_ENTRIES = 32;

/**
 * Stored bundles read against the gates once, not for every evaluation: after a feed sync a
 * worker evaluates thousands of images with the same active bundle, and reading it was a tenth
 * of each evaluation. An entry is keyed by the document's JSON text, so an edited bundle is read
 * again whatever its timestamps say. Bundles with problems are not kept (their error is thrown
 * each time). Least recently used entries go first. Only built-in gates: stored bundles are
 * checked against them when uploaded.
 */
export class CheckBundleCache {
  readonly #entries = new Map<string, Promise<LoadedBundle>>();

  constructor(private readonly maxEntries = DEFAULT_ENTRIES) {}

  load(document: unknown, name: string): Promise<LoadedBundle> {
    const key = JSON.stringify(document);
    const cached = this.#entries.get(key);
    if (cached) {
      this.#entries.delete(key);
      this.#entries.set(key, cached);
      return cached;
    }
    const loading = loadCheckBundle({ document, name });
    this.#entries.set(key, loading);
    loading.catch(() => this.#entries.delete(key));
    for (const oldest of this.#entries.keys()) {
      if (this.#entries.size <= this.maxEntries) break;
      this.#entries.delete(oldest);
    }
    return loading;
  }
}
