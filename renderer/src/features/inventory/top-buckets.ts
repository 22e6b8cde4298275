/**
 * The first `top` buckets of `data` (already in the order to show), then one bucket made by `others` from the
 * rest, when more than `top` + 1 would be drawn (folding a single bucket saves nothing). Buckets for which `keep`
 * holds (e.g. the "unowned" bucket) are never folded and stay last, in their order. Generic and import-free, so
 * the unit tests load it alone.
 *
 * @example topBuckets([a5, b4, c3, d2, e1], 2, sum) → [a5, b4, others(c3, d2, e1)]
 */
export function topBuckets<T>(
  data: readonly T[],
  top: number,
  others: (rest: T[]) => T,
  keep: (d: T) => boolean = () => false,
): T[] {
  const kept = data.filter(keep);
  const ranked = data.filter((d) => !keep(d));
  if (ranked.length <= top + 1) return [...ranked, ...kept];
  return [...ranked.slice(0, top), others(ranked.slice(top)), ...kept];
}
