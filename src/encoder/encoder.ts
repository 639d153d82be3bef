import { UsageError } from '../errors/index.js';

/**
 * An output format: one encoder of one document (an SBOM, a scan report, a policy evaluation).
 * The three kinds of output share this shape and the lookup below.
 */
export interface Encoder<Document> {
  readonly name: string;
  readonly description: string;
  encode(document: Document): string;
}

/** The encoders of one document kind, in order, and the lookup by name a `-o NAME` uses. */
export interface EncoderRegistry<Document> {
  readonly encoders: readonly Encoder<Document>[];
  /** The encoder called `name`; a UsageError naming the choices when there is none. */
  get(name: string): Encoder<Document>;
  names(): string[];
}

export function encoderRegistry<Document>(encoders: readonly Encoder<Document>[]): EncoderRegistry<Document> {
  const names = encoders.map((e) => e.name);
  if (new Set(names).size !== names.length)
    throw new RangeError(`two encoders share a name: ${names.join(', ')}`);
  return {
    encoders,
    names: () => [...names],
    get(name: string): Encoder<Document> {
      const encoder = encoders.find((e) => e.name === name);
      if (!encoder) throw new UsageError(`unknown output format "${name}" (choose from ${names.join(', ')})`);
      return encoder;
    },
  };
}
