/**
 * The inventory's reads, keyed by channel like api/queries.ts. Every count depends on any node or edge, and the
 * trend on the history log that each change extends: api/queries.ts invalidates every `inventory:` query after
 * each graph change and after a change of the strength settings (the lists' strength column), and everything
 * when a workspace opens.
 */
import { useQuery } from '@tanstack/react-query';
import type { InventoryQuery } from '../../../../preload/contract';
import { call } from '../../api/client';

/** The dashboard's totals and buckets (`inventory:summary`). */
export function useInventorySummary() {
  return useQuery({ queryKey: ['inventory:summary'], queryFn: () => call('inventory:summary', {}) });
}

/** The list behind one bucket (disabled for null); keeps the previous rows while the same list refetches. */
export function useInventoryList(query: InventoryQuery | null) {
  return useQuery({
    queryKey: ['inventory:list', query?.facet ?? null, query?.key ?? null],
    queryFn: () => call('inventory:list', query!),
    enabled: query !== null,
    placeholderData: (prev, q) =>
      q?.queryKey[1] === query?.facet && q?.queryKey[2] === query?.key ? prev : undefined,
  });
}

/** Weekly counts over the last `weeks` weeks (`inventory:trend`). */
export function useInventoryTrend(weeks: number) {
  return useQuery({
    queryKey: ['inventory:trend', weeks],
    queryFn: () => call('inventory:trend', { weeks }),
    placeholderData: (prev) => prev,
  });
}
