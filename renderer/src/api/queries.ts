/**
 * Data from the main process through TanStack Query, keyed by API channel, so every view shares one cache and
 * every change event invalidates exactly the data it touched.
 */
import { QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { Channel, GraphFilter, InputOf, OutputOf } from '../../../preload/contract';
import { call, subscribe } from './client';

export const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: Infinity, refetchOnWindowFocus: false, retry: false } },
});

/** Query keys: the channel name first, then its input. */
export const keys = {
  info: ['workspace:info'] as const,
  graph: (filter: GraphFilter | undefined) => ['graph:get', filter ?? {}] as const,
  ego: (nodeId: string, depth: number, filter: GraphFilter | undefined) =>
    ['graph:ego', nodeId, depth, filter ?? {}] as const,
  node: (id: string) => ['graph:get-node', id] as const,
  history: ['history:state'] as const,
  libraryProgress: ['library:progress'] as const,
  folders: ['library:folders'] as const,
};

export function useLibraryProgress() {
  return useQuery({ queryKey: keys.libraryProgress, queryFn: () => call('library:progress', {}) });
}

export function useLibraryFolders() {
  return useQuery({ queryKey: keys.folders, queryFn: () => call('library:folders', {}) });
}

export function useWorkspaceInfo() {
  return useQuery({ queryKey: keys.info, queryFn: () => call('workspace:info', {}) });
}

/** The graph on screen: the whole (filtered) graph, or an ego graph when `ego` is set. */
export function useGraph(filter: GraphFilter | undefined, ego: { nodeId: string; depth: number } | null) {
  return useQuery({
    queryKey: ego ? keys.ego(ego.nodeId, ego.depth, filter) : keys.graph(filter),
    queryFn: () =>
      ego
        ? call('graph:ego', { nodeId: ego.nodeId, depth: ego.depth, filter })
        : call('graph:get', { filter }),
    placeholderData: (prev) => prev,
  });
}

export function useNodeDetail(id: string | null) {
  return useQuery({
    queryKey: keys.node(id ?? ''),
    queryFn: () => call('graph:get-node', { id: id! }),
    enabled: id !== null,
  });
}

export function useHistoryState() {
  return useQuery({ queryKey: keys.history, queryFn: () => call('history:state', {}) });
}

/** A mutation on one channel; the cache is refreshed by the change events that follow it. */
export function useApiMutation<C extends Channel>(channel: C) {
  return useMutation<OutputOf<C>, Error, InputOf<C>>({ mutationFn: (input) => call(channel, input) });
}

/** Keeps the cache in step with main: graph and history changes invalidate their queries. */
export function useLiveInvalidation(): void {
  const qc = useQueryClient();
  useEffect(() => {
    const offs = [
      subscribe('graph:did-change', () => {
        void qc.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('graph:') });
        void qc.invalidateQueries({ queryKey: keys.info });
      }),
      subscribe('history:did-change', (state) => qc.setQueryData(keys.history, state)),
      subscribe('workspace:did-open', () => void qc.invalidateQueries()),
      subscribe('library:did-progress', (p) => qc.setQueryData(keys.libraryProgress, p)),
      subscribe('library:did-change', () => {
        void qc.invalidateQueries({
          predicate: (q) =>
            /^(library|search):/.test(String(q.queryKey[0])) && q.queryKey[0] !== 'library:progress',
        });
      }),
    ];
    return () => offs.forEach((off) => off());
  }, [qc]);
}
