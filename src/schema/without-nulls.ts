function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The document with every object field set to null removed: null counts as absent. Parts without
 * a null are the input's own objects (a bundle of 100,000 mappings is not copied).
 */
export function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    value.forEach((item: unknown, index) => {
      const cleaned = withoutNulls(item);
      if (cleaned !== item) (out ??= [...value])[index] = cleaned;
    });
    return out ?? value;
  }
  if (!isObject(value)) return value;
  let out: Record<string, unknown> | undefined;
  for (const key of Object.keys(value)) {
    const field = value[key];
    if (field === null) {
      out ??= { ...value };
      delete out[key];
      continue;
    }
    const cleaned = withoutNulls(field);
    if (cleaned !== field) (out ??= { ...value })[key] = cleaned;
  }
  return out ?? value;
}
