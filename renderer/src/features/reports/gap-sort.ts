import type { GapReason, GapRow } from '../../../../preload/contract';

/** Columns of the gaps report one can sort by. */
export const GAP_COLUMNS = [
  'process',
  'step',
  'item',
  'strength',
  'reasons',
  'holders',
  'capableHolders',
  'documents',
] as const;
export type GapColumn = (typeof GAP_COLUMNS)[number];

/** A sort of the gaps report; null keeps the core's order (process, step order, strength). */
export type GapSort = { column: GapColumn; dir: 'asc' | 'desc' } | null;

const REASON_RANK: Record<GapReason, number> = {
  weak: 0,
  unheld: 1,
  'single-holder': 2,
  undocumented: 3,
  'tacit-only': 4,
};

/**
 * Rows sorted by `sort` (stable: ties keep the core's order). Text compares with `collator` (pinyin order in
 * zh-CN); a step sorts by its process then its order; reasons by how many, then which comes first.
 */
export function sortGaps(rows: readonly GapRow[], sort: GapSort, collator: Intl.Collator): GapRow[] {
  if (!sort) return [...rows];
  const sign = sort.dir === 'asc' ? 1 : -1;
  const cmp = (a: GapRow, b: GapRow): number => {
    switch (sort.column) {
      case 'process':
        return collator.compare(a.processLabel, b.processLabel);
      case 'step':
        return collator.compare(a.processLabel, b.processLabel) || a.stepOrder - b.stepOrder;
      case 'item':
        return collator.compare(a.itemLabel, b.itemLabel);
      case 'reasons':
        return (
          a.reasons.length - b.reasons.length ||
          Math.min(...a.reasons.map((r) => REASON_RANK[r])) -
            Math.min(...b.reasons.map((r) => REASON_RANK[r]))
        );
      default:
        return a[sort.column] - b[sort.column];
    }
  };
  return rows
    .map((row, i) => ({ row, i }))
    .sort((x, y) => sign * cmp(x.row, y.row) || x.i - y.i)
    .map((x) => x.row);
}

/** The next sort after clicking `column`'s header: ascending, then descending, then the core's order. */
export function nextSort(sort: GapSort, column: GapColumn): GapSort {
  if (sort?.column !== column) return { column, dir: 'asc' };
  return sort.dir === 'asc' ? { column, dir: 'desc' } : null;
}
