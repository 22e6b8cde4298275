import type { InventoryFacet, InventorySummary } from '../../../../preload/contract';

/** The totals shown as cards, each with the bucket whose list it opens. */
export const TOTALS = [
  { id: 'knowledge', facet: 'kind', key: 'knowledge' },
  { id: 'explicit', facet: 'form', key: 'explicit' },
  { id: 'tacit', facet: 'form', key: 'tacit' },
  { id: 'experts', facet: 'kind', key: 'expert' },
  { id: 'documents', facet: 'kind', key: 'document' },
  { id: 'processes', facet: 'kind', key: 'process' },
  { id: 'competencies', facet: 'kind', key: 'competency' },
] as const satisfies ReadonlyArray<{ id: string; facet: InventoryFacet; key: string }>;

export type TotalId = (typeof TOTALS)[number]['id'];

/**
 * The number of a total in `summary`: knowledge items from `knowledgeItems`, explicit and tacit from `byForm`,
 * the other kinds from `byKind` (0 when the core lists no such bucket).
 */
export function totalOf(summary: InventorySummary, id: TotalId): number {
  if (id === 'knowledge') return summary.knowledgeItems;
  const total = TOTALS.find((x) => x.id === id)!;
  const buckets = total.facet === 'form' ? summary.byForm : summary.byKind;
  return buckets.find((b) => b.key === total.key)?.count ?? 0;
}
