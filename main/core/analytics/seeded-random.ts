/**
 * A seeded pseudo-random generator: mulberry32 by Tommy Ettinger (2017, public domain,
 * https://gist.github.com/tommyettinger/46a874533244883189143505d203312c, as popularised in bryc's
 * "PRNGs in JavaScript" list, https://github.com/bryc/code/blob/master/jshash/PRNGs.md#mulberry32).
 * A 32-bit state advanced by the Weyl constant 0x6D2B79F5 and mixed by two xorshift-multiply rounds; period 2^32.
 * Plenty for shuffling node visit orders, not for anything cryptographic.
 *
 * @param seed any number; only its low 32 bits are used (`seed >>> 0`), so 1 and 2^32 + 1 give the same stream.
 * @returns a function giving floats in [0, 1), the same sequence for the same seed.
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
