/**
 * The evidence finder's data in the renderer: proposals per item, counts and the background run's progress, through
 * the API client and TanStack Query, kept live by the main process's events (`evidence:did-progress`, and graph
 * changes, since a link or an undo changes which proposals are current).
 */
import { useEffect } from 'react';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { EvidenceProgress, InputOf } from '../../../../preload/contract';
import { call, subscribe } from '../../api/client';

/** Query keys, named after their channels. */
export const evidenceKeys = {
  proposals: (knowledgeId: string) => ['evidence:proposals', knowledgeId] as const,
  counts: ['evidence:counts'] as const,
  progress: ['evidence:progress'] as const,
};

/** Refetches the proposal lists and counts (after a run, a link, an undo or a rejection). */
function invalidateLists(qc: QueryClient): void {
  void qc.invalidateQueries({ queryKey: ['evidence:proposals'] });
  void qc.invalidateQueries({ queryKey: evidenceKeys.counts });
  void qc.invalidateQueries({ queryKey: evidenceKeys.progress });
}

/** Keeps the evidence queries live while mounted: progress events set the progress; a finished run or any graph
 * change refetches the lists. Each caller's subscription is released by its own unsubscribe. */
function useEvidenceEvents(): void {
  const qc = useQueryClient();
  useEffect(() => {
    const offs = [
      subscribe('evidence:did-progress', (p: EvidenceProgress) => {
        qc.setQueryData(evidenceKeys.progress, p);
        if (!p.running) invalidateLists(qc);
      }),
      subscribe('graph:did-change', () => invalidateLists(qc)),
    ];
    return () => offs.forEach((off) => off());
  }, [qc]);
}

/** The ranked proposals of one knowledge item (at most 5, best first). */
export function useEvidence(knowledgeId: string) {
  useEvidenceEvents();
  return useQuery({
    queryKey: evidenceKeys.proposals(knowledgeId),
    queryFn: () => call('evidence:proposals', { knowledgeId }),
  });
}

/** Proposal counts per knowledge item id. */
export function useEvidenceCounts() {
  useEvidenceEvents();
  return useQuery({ queryKey: evidenceKeys.counts, queryFn: () => call('evidence:counts', {}) });
}

/** The background run's progress (running, done/total, proposals found). */
export function useEvidenceProgress() {
  useEvidenceEvents();
  return useQuery({ queryKey: evidenceKeys.progress, queryFn: () => call('evidence:progress', {}) });
}

/** Accepts a proposal (the `documented_by` link with the page); the lists refresh through the graph change. */
export function useAcceptEvidence() {
  return useMutation({
    mutationFn: (key: InputOf<'evidence:accept'>) => call('evidence:accept', key),
  });
}

/** Rejects a proposal for good; the lists refresh when it is stored. */
export function useRejectEvidence() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (key: InputOf<'evidence:reject'>) => call('evidence:reject', key),
    onSuccess: () => invalidateLists(qc),
  });
}
