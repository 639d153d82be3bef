import type { AffectedPackage } from '../model.js';
import type { DatabaseStatus, StoredVulnerability, VulnStore, WriteSession } from './types.js';

/**
 * A store whose status() and namespaces() are read again only when its generation moved. The
 * status counts every provider's rows and the namespaces scan the affected table, which on a
 * full database is most of a small scan's time; a long-lived reader (a service worker
 * re-matching thousands of stored SBOMs after a sync) asks for both per scan. Everything else
 * goes straight to the store.
 */
export class CachedStatusStore implements VulnStore {
  readonly #status = new ByGeneration<DatabaseStatus>();
  readonly #namespaces = new ByGeneration<string[]>();

  constructor(private readonly store: VulnStore) {}

  get location(): string {
    return this.store.location;
  }

  async status(): Promise<DatabaseStatus> {
    return this.#status.get(await this.store.generation(), () => this.store.status());
  }

  affectedBy(namespace: string, packageName: string): Promise<AffectedPackage[]> {
    return this.store.affectedBy(namespace, packageName);
  }

  affectedByMany(
    keys: readonly { namespace: string; package: string }[],
  ): Promise<Map<string, AffectedPackage[]>> {
    return this.store.affectedByMany(keys);
  }

  vulnerabilities(ids: readonly string[]): Promise<Map<string, StoredVulnerability>> {
    return this.store.vulnerabilities(ids);
  }

  async namespaces(): Promise<string[]> {
    // A copy: callers may sort or extend what they get.
    return [...(await this.#namespaces.get(await this.store.generation(), () => this.store.namespaces()))];
  }

  begin(): Promise<WriteSession> {
    return this.store.begin();
  }

  syncState(key: string): Promise<string | undefined> {
    return this.store.syncState(key);
  }

  generation(): Promise<number> {
    return this.store.generation();
  }

  close(): Promise<void> {
    return this.store.close();
  }
}

/** One value read for a generation, read again when the generation moves; a failed read is not kept. */
class ByGeneration<T> {
  #entry: { generation: number; value: Promise<T> } | undefined;

  get(generation: number, read: () => Promise<T>): Promise<T> {
    if (this.#entry?.generation !== generation) {
      const value = read();
      this.#entry = { generation, value };
      value.catch(() => {
        if (this.#entry?.value === value) this.#entry = undefined;
      });
    }
    return this.#entry.value;
  }
}
