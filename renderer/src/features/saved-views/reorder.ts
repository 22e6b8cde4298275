/** Re-ordering saved views: which order numbers to write when one view moves in the sidebar. Pure. */

/**
 * Moves `views[from]` to index `to` (views in sidebar order) and returns the order numbers that change, as
 * `{ id, order }`. The views keep the set of order numbers they had, permuted — or, when two of them share one
 * (views from another build), consecutive numbers from the smallest. Empty when nothing moves or an index is
 * out of range.
 */
export function reorder(
  views: ReadonlyArray<{ id: string; order: number }>,
  from: number,
  to: number,
): Array<{ id: string; order: number }> {
  if (from === to || from < 0 || to < 0 || from >= views.length || to >= views.length) return [];
  const next = [...views];
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved!);
  const orders = views.map((v) => v.order).sort((a, b) => a - b);
  const unique = new Set(orders).size === orders.length;
  const min = orders[0] ?? 0;
  return next.flatMap((v, i) => {
    const order = unique ? orders[i]! : min + i;
    return order === v.order ? [] : [{ id: v.id, order }];
  });
}
