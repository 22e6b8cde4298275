/**
 * Holders proposed from document authors (issue 8 §7) in the renderer: the proposal list of one expert or of all,
 * accept and reject, through the API client and TanStack Query. The list is computed fresh by the core on each
 * call, so it refetches on every graph change (an accept, an undo, a new link, a renamed expert) and after a
 * rejection.
 */
import { useEffect } from 'react';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { InputOf } from '../../../../preload/contract';
import { call, subscribe } from '../../api/client';

/** Query keys, named after their channel; `null` = the proposals of every expert. */
export const authorKeys = {
  all: ['experts:author-proposals'] as const,
  proposals: (expertId?: string) => ['experts:author-proposals', expertId ?? null] as const,
};

function invalidate(qc: QueryClient): void {
  void qc.invalidateQueries({ queryKey: authorKeys.all });
}

/** Refetches the proposal lists on every graph change and when the library finishes a run (new authors). */
function useAuthorEvents(): void {
  const qc = useQueryClient();
  useEffect(() => {
    const offs = [
      subscribe('graph:did-change', () => invalidate(qc)),
      subscribe('library:did-change', () => invalidate(qc)),
    ];
    return () => offs.forEach((off) => off());
  }, [qc]);
}

/** The proposals of one expert (or of all when `expertId` is undefined), by expert label then item label. */
export function useAuthorProposals(expertId?: string) {
  useAuthorEvents();
  return useQuery({
    queryKey: authorKeys.proposals(expertId),
    queryFn: () => call('experts:author-proposals', expertId === undefined ? {} : { expertId }),
  });
}

/** Accepts a proposal: the `knows` edge at proficiency 3, one undoable edit; the lists refresh on the graph change. */
export function useAcceptAuthor() {
  return useMutation({
    mutationFn: (key: InputOf<'experts:accept-author'>) => call('experts:accept-author', key),
  });
}

/** Rejects a proposal for good; the lists refresh when it is stored. */
export function useRejectAuthor() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (key: InputOf<'experts:reject-author'>) => call('experts:reject-author', key),
    onSuccess: () => invalidate(qc),
  });
}
