/**
 * Compile-time checks that the hand-written model types and the types derived from the schemas
 * are the same: `npm run typecheck` fails when one changes without the other.
 */

/** True when A and B are the same type (not merely assignable to each other). */
export type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/** Accepts only `true`: `Agree<Same<A, B>>` is a compile error when A and B differ. */
export type Agree<T extends true> = T;
