/** Hands out bom-refs (or SPDX ids) that are unique within one document. */
export class UniqueRefs {
  private readonly taken = new Set<string>();
  private readonly byKey = new Map<string, string>();

  /** A unique ref based on `preferred`; `key`, when given, remembers it for `lookup`. */
  take(preferred: string, key?: string): string {
    let ref = preferred;
    for (let n = 2; this.taken.has(ref); n++) ref = `${preferred}-${n}`;
    this.taken.add(ref);
    if (key !== undefined && !this.byKey.has(key)) this.byKey.set(key, ref);
    return ref;
  }

  /** The ref first taken for `key`. */
  lookup(key: string): string | undefined {
    return this.byKey.get(key);
  }
}
