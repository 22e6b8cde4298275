/**
 * The reports' reads, keyed by channel like api/queries.ts. Every graph change and 'strength:did-change'
 * invalidates queries starting with `processes:` or `strength:` there; the gaps report also counts the evidence
 * finder's candidate pages, so it is refetched here when a finder run ends ('evidence:did-progress').
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { call, subscribe } from '../../api/client';

/** The gaps report of one process, or of all processes for null. */
export function useGaps(processId: string | null) {
  const qc = useQueryClient();
  useEffect(
    () =>
      subscribe('evidence:did-progress', (p) => {
        if (!p.running) void qc.invalidateQueries({ queryKey: ['strength:gaps'] });
      }),
    [qc],
  );
  return useQuery({
    queryKey: ['strength:gaps', processId],
    queryFn: () => call('strength:gaps', processId ? { processId } : {}),
  });
}

/** One process's step × knowledge matrix (disabled for null); keeps the previous rows while the other mode loads. */
export function useMatrix(processId: string | null, rows: 'all' | 'templates') {
  return useQuery({
    queryKey: ['processes:matrix', processId, rows],
    queryFn: () => call('processes:matrix', { processId: processId!, rows }),
    enabled: processId !== null,
    placeholderData: (prev, q) => (q?.queryKey[1] === processId ? prev : undefined),
  });
}

/** One process's knowledge journey map (disabled for null). */
export function useJourney(processId: string | null) {
  return useQuery({
    queryKey: ['processes:journey', processId],
    queryFn: () => call('processes:journey', { processId: processId! }),
    enabled: processId !== null,
  });
}

/** Every process (for a process's label). */
export function useProcessList() {
  return useQuery({ queryKey: ['processes:list'], queryFn: () => call('processes:list', {}) });
}
