/** Defensive reads of untrusted JSON: a field of the wrong type reads as absent. */
export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function objects(value: unknown): JsonObject[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

export function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** `{name, value}` pairs of a CycloneDX `properties` array. */
export function namedValues(value: unknown): { name: string; value: string }[] {
  return objects(value).flatMap((p) => {
    const name = str(p.name);
    return name === undefined ? [] : [{ name, value: str(p.value) ?? '' }];
  });
}
