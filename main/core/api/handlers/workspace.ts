import type { ANALYTICS_CHANNELS, SEARCH_CHANNELS, WORKSPACE_CHANNELS } from '../../../../preload/contract';
import type { WorkspaceService } from '../../workspace/workspace-service';
import { isTeamAddress } from '../../team/team-url';
import type { DomainHandlers, HostHooks } from './types';
import { connectTeam } from './team';

/** Which workspace is open, its counts and the recent list. */
export function workspaceHandlers(
  ws: WorkspaceService,
  host: HostHooks = {},
): DomainHandlers<typeof WORKSPACE_CHANNELS> {
  return {
    'workspace:info': () => ws.info(),
    'workspace:stats': () => ws.store.stats(),
    'workspace:recent': () => ws.recent(),
    // A team workspace from the recent list opens with the password the keychain kept for it.
    'workspace:open': ({ path }) =>
      isTeamAddress(path) ? connectTeam(ws, host, { url: path }) : ws.open(path),
    'workspace:create': ({ path, sample }) =>
      isTeamAddress(path) ? connectTeam(ws, host, { url: path }) : ws.open(path, { create: true, sample }),
  };
}

/** Full-text search of documents and nodes (glossary expansion on unless `expand: false`); the map's node search. */
export function searchHandlers(ws: WorkspaceService): DomainHandlers<typeof SEARCH_CHANNELS> {
  return {
    // A missing index is built in a worker first (search:status reports its progress meanwhile).
    'search:status': () => ws.search.status(),
    'search:query': async ({ query, limit, nodeLimit, pagesPerDoc, filters, expand, convertScript }) => {
      await ws.search.ready();
      return ws.search.query(query, { limit, nodeLimit, pagesPerDoc, filters, expand, convertScript });
    },
    'search:nodes': async ({ query, limit, kinds, expand, convertScript }) => {
      await ws.search.ready();
      return ws.search.nodes(query, limit, kinds, { expand, convertScript });
    },
  };
}

/** Centrality and communities of the map, computed off the main thread and cached until the graph changes. */
export function analyticsHandlers(ws: WorkspaceService): DomainHandlers<typeof ANALYTICS_CHANNELS> {
  return {
    'analytics:map-metrics': () => ws.metrics.mapMetrics(),
  };
}
