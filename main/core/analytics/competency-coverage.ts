import type { GraphIndex } from './graph-index';

/**
 * The knowledge items behind each competency: item id → the weight it counts with, over the items that
 * `supports` the competency or any competency below it (`part_of` competency → competency, followed
 * transitively; a cycle is walked once). An item reached through several edges counts once, at its largest
 * `supports.weight` (default 1). O(Σ over competencies of their subtree's supports edges).
 */
export function competencyItems(index: GraphIndex): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const competencyId of index.idsOfKind('competency')) {
    const weights = new Map<string, number>();
    const seen = new Set([competencyId]);
    const stack = [competencyId];
    while (stack.length) {
      const c = stack.pop()!;
      for (const e of index.in(c, 'supports')) {
        if (index.kindOf(e.source) !== 'knowledge') continue;
        const w = e.props.weight ?? 1;
        const had = weights.get(e.source);
        if (had === undefined || w > had) weights.set(e.source, w);
      }
      for (const e of index.in(c, 'part_of'))
        if (index.kindOf(e.source) === 'competency' && !seen.has(e.source)) {
          seen.add(e.source);
          stack.push(e.source);
        }
    }
    out.set(competencyId, weights);
  }
  return out;
}

/**
 * Strength of every competency (DESIGN §3 "competency coverage rolled up from supporting items"), 0–100:
 *
 *   S_c = round(Σ_i w_i · S_i / Σ_i w_i)
 *
 * over the distinct knowledge items i that support c or any competency below it (competencyItems: an item
 * counted once, at its largest `supports.weight` w_i, default 1), S_i = `itemStrength(i)` (items it returns
 * undefined for are left out). null when no item supports the competency (or every weight is 0). Keyed by
 * competency id in graph order. Issue 9 builds coverage against each competency's target on this roll-up.
 * Never throws.
 */
export function competencyStrengths(
  index: GraphIndex,
  itemStrength: (id: string) => number | undefined,
  items: Map<string, Map<string, number>> = competencyItems(index),
): Map<string, number | null> {
  const out = new Map<string, number | null>();
  for (const [competencyId, weights] of items) {
    let weighted = 0;
    let total = 0;
    for (const [itemId, w] of weights) {
      const s = itemStrength(itemId);
      if (s === undefined) continue;
      weighted += w * s;
      total += w;
    }
    out.set(competencyId, total > 0 ? Math.round(weighted / total) : null);
  }
  return out;
}
