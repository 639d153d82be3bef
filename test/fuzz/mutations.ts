// Byte-level mutations of a seed, as fast-check values so that a failing input shrinks to the
// fewest, smallest edits that still fail.
import fc from 'fast-check';

export type Mutation =
  | { kind: 'flip'; at: number; bit: number }
  | { kind: 'set'; at: number; byte: number }
  | { kind: 'insert'; at: number; bytes: number[] }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'duplicate'; at: number; length: number; to: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'text'; at: number; text: string };

// Bytes and words parsers treat specially: NUL, high bit, newline, quotes, brackets, separators.
const INTERESTING_BYTES = [
  0, 1, 0x7f, 0x80, 0xff, 0x0a, 0x0d, 0x22, 0x27, 0x7b, 0x7d, 0x5b, 0x5d, 0x3a, 0x3d, 0x2c, 0x20, 0x2f, 0x5c,
];
const INTERESTING_TEXT = [
  '-1',
  '0',
  '4294967295',
  '18446744073709551616',
  '1e308',
  'NaN',
  '9'.repeat(40),
  '../../',
  '/',
  '\u0000',
  '\uFFFD',
  '%s%n',
  '{"a":',
  '[[[[[[[[',
  '<![CDATA[',
  '\n\n',
  ': ',
  'A'.repeat(300),
];

/** Positions are fractions of the input's length, so one mutation fits any seed. */
const position = fc.integer({ min: 0, max: 1_000_000 });

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: position, bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({
    kind: fc.constant('set' as const),
    at: position,
    byte: fc.oneof(fc.constantFrom(...INTERESTING_BYTES), fc.integer({ min: 0, max: 255 })),
  }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: position,
    bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 16 }),
  }),
  fc.record({ kind: fc.constant('delete' as const), at: position, length: fc.integer({ min: 1, max: 512 }) }),
  fc.record({
    kind: fc.constant('duplicate' as const),
    at: position,
    length: fc.integer({ min: 1, max: 2048 }),
    to: position,
  }),
  fc.record({ kind: fc.constant('truncate' as const), at: position }),
  fc.record({ kind: fc.constant('text' as const), at: position, text: fc.constantFrom(...INTERESTING_TEXT) }),
);

const offset = (at: number, length: number): number =>
  length === 0 ? 0 : Math.floor((at / 1_000_001) * (length + 1));

/** Applies the mutations in order; the seed is not changed. */
export function mutate(seed: Buffer, mutations: readonly Mutation[]): Buffer {
  let out = Buffer.from(seed);
  for (const m of mutations) {
    const at = offset(m.at, out.length);
    switch (m.kind) {
      case 'flip':
        if (at < out.length) out[at]! ^= 1 << m.bit;
        break;
      case 'set':
        if (at < out.length) out[at] = m.byte;
        break;
      case 'insert':
        out = Buffer.concat([out.subarray(0, at), Buffer.from(m.bytes), out.subarray(at)]);
        break;
      case 'delete':
        out = Buffer.concat([out.subarray(0, at), out.subarray(Math.min(out.length, at + m.length))]);
        break;
      case 'duplicate': {
        const chunk = out.subarray(at, Math.min(out.length, at + m.length));
        const to = offset(m.to, out.length);
        out = Buffer.concat([out.subarray(0, to), chunk, out.subarray(to)]);
        break;
      }
      case 'truncate':
        out = out.subarray(0, at);
        break;
      case 'text':
        out = Buffer.concat([out.subarray(0, at), Buffer.from(m.text, 'utf8'), out.subarray(at)]);
        break;
    }
  }
  return out;
}
