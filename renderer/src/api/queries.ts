/**
 * Data from the main process through TanStack Query, keyed by API channel, so every view shares one cache and
 * every change event invalidates exactly the data it touched.
 */
import { QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import {
  MAP_VIEW_ID,
  mapGraphOf,
  type Channel,
  type GraphChange,
  type GraphDto,
  type GraphFilter,
  type MapGraphDto,
  type NodeKind,
  type InputOf,
  type OutputOf,
} from '../../../preload/contract';
import { call, subscribe } from './client';
import { patchGraph, touchedNodeIds } from './graph-patch';

export const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: Infinity, refetchOnWindowFocus: false, retry: false } },
});

/** Query keys: the channel name first, then its input. */
export const keys = {
  info: ['workspace:info'] as const,
  graph: (filter: GraphFilter | undefined) => ['graph:get', filter ?? {}] as const,
  /** The knowledge map's lean graph (`graph:map`). */
  mapGraph: (filter: GraphFilter | undefined) => ['graph:map', filter ?? {}] as const,
  ego: (nodeId: string, depth: number, filter: GraphFilter | undefined) =>
    ['graph:ego', nodeId, depth, filter ?? {}] as const,
  node: (id: string) => ['graph:get-node', id] as const,
  history: ['history:state'] as const,
  libraryProgress: ['library:progress'] as const,
  folders: ['library:folders'] as const,
  views: ['views:list'] as const,
  metrics: ['analytics:map-metrics'] as const,
};

/**
 * Graph nodes matching `query` through the core's search (`search:nodes`: the tokenizer and verification of
 * Ctrl+K — multi-term, mixed Chinese and Latin, full-width letters). Disabled for an empty query. Debounce the
 * query in the component (typing should not send a request per key). `convertScript: false`: the query's script
 * only (no 軟體 for 软件); absent, the core's default (on).
 */
export function useNodeSearch(
  query: string,
  options: { limit?: number; kinds?: NodeKind[]; convertScript?: boolean } = {},
) {
  const q = query.trim();
  const { limit, kinds, convertScript } = options;
  return useQuery({
    queryKey: ['search:nodes', q, limit ?? 20, kinds ?? [], convertScript ?? true] as const,
    queryFn: () => call('search:nodes', { query: q, limit, kinds, convertScript }),
    enabled: q.length > 0,
    placeholderData: (prev) => prev,
  });
}

/** Degree, betweenness and Louvain communities of the whole graph; refetched after every graph change. */
export function useMapMetrics(enabled: boolean) {
  return useQuery({ queryKey: keys.metrics, queryFn: () => call('analytics:map-metrics', {}), enabled });
}

/**
 * The strength band of every knowledge item and process step (`strength:items`, `strength:steps`), as node id →
 * band; refetched after every graph change and when the strength settings change. Disabled unless `enabled`.
 */
export function useStrengthBands(enabled: boolean) {
  return useQuery({
    queryKey: ['strength:bands'],
    queryFn: async () => {
      const [items, steps] = await Promise.all([call('strength:items', {}), call('strength:steps', {})]);
      return new Map([...items, ...steps].map((s) => [s.id, s.band] as const));
    },
    enabled,
  });
}

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

/**
 * The graph the knowledge map draws, lean (MapGraphDto, issue 12): `graph:map` for the whole or filtered map,
 * the ego graph in the same shape when `ego` is set. A node's details come from `useNodeDetail`.
 */
export function useMapGraph(filter: GraphFilter | undefined, ego: { nodeId: string; depth: number } | null) {
  return useQuery({
    queryKey: ego ? [...keys.ego(ego.nodeId, ego.depth, filter), 'map'] : keys.mapGraph(filter),
    queryFn: async (): Promise<MapGraphDto> =>
      ego
        ? mapGraphOf(await call('graph:ego', { nodeId: ego.nodeId, depth: ego.depth, filter }))
        : call('graph:map', { filter }),
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

/**
 * Applies one change event to the cache. The whole knowledge map (`graph:map`, and `graph:get`, without a
 * filter) is patched by id from one `graph:map-elements` (`graph:elements`) read; filtered graphs, ego graphs and node details are refetched (they are small or
 * their membership depends on the change). A gap in `seq` (a missed event) refetches everything.
 */
async function applyChange(qc: QueryClient, change: GraphChange, gap: boolean): Promise<void> {
  void qc.invalidateQueries({ queryKey: keys.info });
  // Process pipelines, strengths, experts' risk, the inventory and competency coverage depend on any node or edge
  // (features/processes/README.md, features/experts/README.md).
  void qc.invalidateQueries({
    predicate: (q) => /^(processes|strength|experts|inventory|competencies):/.test(String(q.queryKey[0])),
  });
  if (change.nodeIds.length || change.edgeIds.length) {
    void qc.invalidateQueries({ queryKey: keys.metrics });
    void qc.invalidateQueries({ queryKey: ['search:nodes'] });
  }
  // The whole graph is patched by id where it is cached: the map's lean one (`graph:map`), the full one too.
  const whole = keys.graph(undefined);
  const wholeMap = keys.mapGraph(undefined);
  const cached = qc.getQueryData<GraphDto>(whole);
  const cachedMap = qc.getQueryData<MapGraphDto>(wholeMap);
  if (gap || (!cached && !cachedMap)) {
    await qc.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('graph:') });
  } else {
    const isWhole = (key: readonly unknown[]) =>
      (key[0] === 'graph:get' || key[0] === 'graph:map') && Object.keys(key[1] ?? {}).length === 0;
    void qc.invalidateQueries({
      predicate: (q) => String(q.queryKey[0]).startsWith('graph:') && !isWhole(q.queryKey),
    });
    const nodeIds = touchedNodeIds(change, MAP_VIEW_ID);
    if (nodeIds.length || change.edgeIds.length) {
      const ids = { nodeIds, edgeIds: change.edgeIds };
      await Promise.all([
        cached &&
          call('graph:elements', { ...ids, viewId: MAP_VIEW_ID }).then((fresh) => {
            const now = qc.getQueryData<GraphDto>(whole);
            if (now) qc.setQueryData(whole, patchGraph(now, ids, fresh));
          }),
        cachedMap &&
          call('graph:map-elements', { ...ids, viewId: MAP_VIEW_ID }).then((fresh) => {
            const now = qc.getQueryData<MapGraphDto>(wholeMap);
            if (now) qc.setQueryData(wholeMap, patchGraph(now, ids, fresh));
          }),
      ]);
    }
  }
}

/** Keeps the cache in step with main: graph changes are applied by id, history and library events update theirs. */
export function useLiveInvalidation(): void {
  const qc = useQueryClient();
  useEffect(() => {
    let lastSeq: number | null = null;
    // Changes are applied one after another, in the order main made them.
    let queue = Promise.resolve();
    const offs = [
      subscribe('graph:did-change', (change) => {
        const gap = lastSeq !== null && change.seq !== lastSeq + 1;
        lastSeq = change.seq;
        queue = queue.then(() => applyChange(qc, change, gap)).catch(() => undefined);
      }),
      subscribe('history:did-change', (state) => qc.setQueryData(keys.history, state)),
      subscribe('workspace:did-open', () => {
        lastSeq = null;
        void qc.invalidateQueries();
      }),
      subscribe('strength:did-change', () => {
        void qc.invalidateQueries({
          predicate: (q) =>
            /^(processes|strength|analytics|experts|inventory|competencies):/.test(String(q.queryKey[0])),
        });
      }),
      subscribe('views:did-change', () => void qc.invalidateQueries({ queryKey: keys.views })),
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
