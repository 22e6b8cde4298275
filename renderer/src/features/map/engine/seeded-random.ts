/**
 * Seeded pseudo-random numbers, so that a force layout gives the same picture for the same graph (issue #6: the
 * force layout differed on every run). fCoSE and its cose-base draw from `Math.random` directly and take no seed,
 * so the layout worker swaps `Math.random` for the duration of one run ({@link withSeededRandom}).
 */

/**
 * mulberry32 by Tommy Ettinger (public domain; https://gist.github.com/tommyettinger/46a874533244883189143505d203312c):
 * a 32-bit state advanced by the Weyl constant 0x6D2B79F5 and mixed by two multiply–xorshift rounds. Period 2^32,
 * passes gjrand's tests at that size; plenty for initial node positions.
 * @param seed any 32-bit integer (other numbers are truncated with `>>> 0`).
 * @returns a function giving floats in [0, 1), like `Math.random`.
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A 32-bit seed from strings (FNV-1a, Fowler–Noll–Vo, http://www.isthe.com/chongo/tech/comp/fnv/): the layout
 * seeds from the sorted node ids, so a different graph gets a different but equally repeatable start.
 */
export function seedFrom(parts: readonly string[]): number {
  let h = 0x811c9dc5;
  for (const p of parts) {
    for (let i = 0; i < p.length; i++) {
      h ^= p.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    h ^= 0x1f; // separator, so ['ab','c'] and ['a','bc'] differ
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Runs `fn` with `Math.random` replaced by mulberry32(`seed`) and restores the original afterwards, also when
 * `fn` throws. Only for synchronous work (fCoSE with `animate: false` runs to the end inside `layout.run()`); the
 * layout worker has no other code that could draw from `Math.random` meanwhile.
 */
export function withSeededRandom<T>(seed: number, fn: () => T): T {
  const original = Math.random;
  Math.random = mulberry32(seed);
  try {
    return fn();
  } finally {
    Math.random = original;
  }
}
