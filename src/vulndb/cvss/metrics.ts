/** Metric name → the values a vector may give it, for one CVSS version. */
export type MetricSpec = Readonly<Record<string, readonly string[]>>;

/** A vector's metrics, by name. */
export type MetricValues = ReadonlyMap<string, string>;

/**
 * Reads the `NAME:VALUE/NAME:VALUE…` part of a vector (no version prefix). Undefined when a part
 * is malformed, a metric is repeated or unknown, a value is not one the metric allows, or a
 * required metric is missing. Names and values are case-sensitive, as the specifications write them.
 */
export function readMetrics(
  body: string,
  spec: MetricSpec,
  required: readonly string[],
): MetricValues | undefined {
  if (body === '') return undefined;
  const values = new Map<string, string>();
  for (const part of body.split('/')) {
    const colon = part.indexOf(':');
    if (colon <= 0) return undefined;
    const name = part.slice(0, colon);
    const value = part.slice(colon + 1);
    if (values.has(name) || !Object.hasOwn(spec, name)) return undefined;
    if (!spec[name]?.includes(value)) return undefined;
    values.set(name, value);
  }
  for (const name of required) if (!values.has(name)) return undefined;
  return values;
}

/** The value of a metric that readMetrics has checked to be present. */
export function valueOf(metrics: MetricValues, name: string): string {
  const value = metrics.get(name);
  if (value === undefined) throw new Error(`CVSS metric ${name} missing after validation`);
  return value;
}
