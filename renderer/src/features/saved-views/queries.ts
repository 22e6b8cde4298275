/** The saved views (kind `saved`) in sidebar order, through TanStack Query. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/client';
import type { ViewDto } from '../../../../preload/contract';

/** Query key of the saved-views list. */
export const SAVED_VIEWS_KEY = ['views:list', 'saved'] as const;

/** Fetches the saved views, ordered as the sidebar shows them. */
export async function fetchSavedViews(): Promise<ViewDto[]> {
  const all = await call('views:list', {});
  return all.filter((v) => v.kind === 'saved');
}

/** The saved views (sidebar order). */
export function useSavedViews() {
  return useQuery({ queryKey: SAVED_VIEWS_KEY, queryFn: fetchSavedViews });
}

/** A function that refetches the saved views (after a change made here). */
export function useRefreshSavedViews(): () => Promise<void> {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: SAVED_VIEWS_KEY });
}
