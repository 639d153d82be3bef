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
  #cached: { generation: number; status: Promise<DatabaseStatus> } | undefined;
  #namespaces: { generation: number; namespaces: Promise<string[]> } | undefined;

  constructor(private readonly store: VulnStore) {}

  get location(): string {
    return this.store.location;
  }

  async status(): Promise<DatabaseStatus> {
    const generation = await this.store.generation();
    if (this.#cached?.generation !== generation) {
      const status = this.store.status();
      this.#cached = { generation, status };
      status.catch(() => {
        if (this.#cached?.status === status) this.#cached = undefined;
      });
    }
    return this.#cached.status;
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
    const generation = await this.store.generation();
    if (this.#namespaces?.generation !== generation) {
      const namespaces = this.store.namespaces();
      this.#namespaces = { generation, namespaces };
      namespaces.catch(() => {
        if (this.#namespaces?.namespaces === namespaces) this.#namespaces = undefined;
      });
    }
    // A copy: callers may sort or extend what they get.
    return [...(await this.#namespaces.namespaces)];
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
