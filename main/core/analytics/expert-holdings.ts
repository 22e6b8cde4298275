import type { GraphIndex } from './graph-index';

/** Proficiency from which a holder can do the work unaided (IAEA/TVA "capable"; gaps.ts CAPABLE_PROFICIENCY). */
export const CAPABLE = 3;
/** Proficiency of a backup who could take over with help: the "hard to replace" test asks for one. */
export const BACKUP = 2;

/** Label order of every expert view: pinyin for Chinese, then the rest (Intl's zh-CN collation). */
export const labelCollator = new Intl.Collator('zh-CN');

/** knowledge item id → expert id → best `knows` proficiency (1–5) of that expert on the item. */
export type ItemHolders = ReadonlyMap<string, ReadonlyMap<string, number>>;

const cache = new WeakMap<GraphIndex, ItemHolders>();

/**
 * Who holds each knowledge item, and how well: for every knowledge item with at least one `knows` edge from an
 * expert, the best proficiency of each such expert (an expert with two edges to one item counts once, at the
 * higher). Only direct edges to items count — knowing a category is not holding each of its items. Memoised per
 * index (an index never changes). O(knows edges). Never throws.
 */
export function itemHolders(index: GraphIndex): ItemHolders {
  let holders = cache.get(index);
  if (!holders) {
    const m = new Map<string, Map<string, number>>();
    for (const itemId of index.idsOfKind('knowledge')) {
      const knows = index.in(itemId, 'knows');
      if (knows.length === 0) continue;
      const best = new Map<string, number>();
      for (const e of knows) {
        if (index.kindOf(e.source) !== 'expert') continue;
        const p = e.props.proficiency;
        if (p > (best.get(e.source) ?? 0)) best.set(e.source, p);
      }
      if (best.size) m.set(itemId, best);
    }
    cache.set(index, (holders = m));
  }
  return holders;
}

/** The best holder of an item and the two best proficiencies (second 0 when only one expert knows it). */
export interface ItemTop {
  bestId: string;
  best: number;
  second: number;
}

const topCache = new WeakMap<GraphIndex, ReadonlyMap<string, ItemTop>>();

/** For every held item, its best holder and the two best proficiencies (memoised per index; O(knows edges)). */
export function itemTops(index: GraphIndex): ReadonlyMap<string, ItemTop> {
  let tops = topCache.get(index);
  if (!tops) {
    const m = new Map<string, ItemTop>();
    for (const [itemId, byExpert] of itemHolders(index)) {
      const top: ItemTop = { bestId: '', best: 0, second: 0 };
      for (const [expertId, p] of byExpert)
        if (p > top.best) {
          top.second = top.best;
          top.best = p;
          top.bestId = expertId;
        } else if (p > top.second) top.second = p;
      m.set(itemId, top);
    }
    topCache.set(index, (tops = m));
  }
  return tops;
}

/** The best proficiency on `itemId` of any expert but `expertId` (0 when nobody else knows it). O(1). */
export function bestOfOthers(tops: ReadonlyMap<string, ItemTop>, itemId: string, expertId: string): number {
  const t = tops.get(itemId);
  if (!t) return 0;
  return t.bestId === expertId ? t.second : t.best;
}

/** The best proficiency on `itemId` among the experts not in `excluded` (0 when nobody else knows it). */
export function bestOther(holders: ItemHolders, itemId: string, excluded: ReadonlySet<string>): number {
  let best = 0;
  for (const [expert, p] of holders.get(itemId) ?? []) if (!excluded.has(expert) && p > best) best = p;
  return best;
}

/** How many experts not in `excluded` hold `itemId` at proficiency ≥ `min`. */
export function holdersAtLeast(
  holders: ItemHolders,
  itemId: string,
  min: number,
  excluded: ReadonlySet<string> = new Set(),
): number {
  let n = 0;
  for (const [expert, p] of holders.get(itemId) ?? []) if (!excluded.has(expert) && p >= min) n++;
  return n;
}
