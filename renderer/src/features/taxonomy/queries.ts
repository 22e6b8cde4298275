/**
 * The taxonomy editor's reads, keyed by channel like api/queries.ts, and its one write: taxonomy:edit, one undo
 * step per call. The app's change handling refreshes the domains it knows by name; this feature refreshes its own
 * `taxonomy:` queries on every graph change (an edit here, an undo, a category added on the map).
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { TaxonomyEdit, TaxonomyEditResult } from '../../../../preload/contract';
import { call, subscribe } from '../../api/client';
import { queryClient } from '../../api/queries';
import { useAppStore } from '../../app/store';

const isTaxonomyQuery = (q: { queryKey: readonly unknown[] }) =>
  String(q.queryKey[0]).startsWith('taxonomy:');

/** The whole category tree, depth first, with its counts and totals. */
export function useTaxonomyTree() {
  return useQuery({ queryKey: ['taxonomy:tree'], queryFn: () => call('taxonomy:tree', {}) });
}

/** One category's path, items, experts and terms (disabled for null); keeps the last answer while the next loads. */
export function useTaxonomyDetail(id: string | null) {
  return useQuery({
    queryKey: ['taxonomy:detail', id],
    queryFn: () => call('taxonomy:detail', { id: id! }),
    enabled: id !== null,
    placeholderData: (prev) => prev,
  });
}

/**
 * Refetches the taxonomy queries after every graph change and when another workspace opens, while the editor is
 * on screen — and once when it mounts, since changes made while it was away were not heard.
 */
export function useTaxonomyLiveRefresh(): void {
  const qc = useQueryClient();
  useEffect(() => {
    const refresh = () => void qc.invalidateQueries({ predicate: isTaxonomyQuery });
    refresh();
    const offs = [subscribe('graph:did-change', refresh), subscribe('workspace:did-open', refresh)];
    return () => offs.forEach((off) => off());
  }, [qc]);
}

/**
 * Applies `edits` as one taxonomy:edit call (one undo step); a refusal becomes an error toast (the core's message,
 * in the UI language).
 * @returns the answer, or null when it was refused.
 */
export async function editTaxonomy(edits: TaxonomyEdit[]): Promise<TaxonomyEditResult | null> {
  try {
    const r = await call('taxonomy:edit', { edits });
    void queryClient.invalidateQueries({ predicate: isTaxonomyQuery });
    return r;
  } catch (e) {
    useAppStore.getState().notify((e as Error).message, 'error');
    return null;
  }
}

/** What `edits` would do, written nowhere (the merge and delete confirmations). @throws ApiError when refused */
export function previewTaxonomy(edits: TaxonomyEdit[]): Promise<TaxonomyEditResult> {
  return call('taxonomy:edit', { edits, dryRun: true });
}
