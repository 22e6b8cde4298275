import type { GRAPH_CHANNELS, HISTORY_CHANNELS, NodeDto } from '../../../../preload/contract';
import { WellspringError } from '../../util/errors';
import type { WorkspaceService } from '../../workspace/workspace-service';
import type { DomainHandlers } from './types';

/**
 * Graph reads and the write path. Every write goes through `GraphStore.apply`, whose change event reaches search,
 * analytics and the renderer (WorkspaceService subscribes): no handler notifies anyone by hand.
 */
export function graphHandlers(ws: WorkspaceService): DomainHandlers<typeof GRAPH_CHANNELS> {
  return {
    'graph:get': ({ filter, viewId }) => ws.store.getGraph(filter, viewId),
    'graph:map': ({ filter, viewId }) => ws.store.getMapGraph(filter, viewId),
    'graph:map-elements': ({ nodeIds, edgeIds, viewId }) => ws.store.getMapElements(nodeIds, edgeIds, viewId),
    'graph:ego': ({ nodeId, depth, filter, viewId }) => ws.store.egoGraph(nodeId, depth, filter, viewId),
    'graph:elements': ({ nodeIds, edgeIds, viewId }) => ws.store.getElements(nodeIds, edgeIds, viewId),
    'graph:get-node': ({ id }) => ws.store.getNodeDetail(id),
    'graph:apply': ({ ops }) => ws.store.apply(ops),
    'graph:add-node': (input) => ws.store.addNode(input),
    'graph:update-node': ({ id, patch, seen }) => {
      if (seen !== undefined) refuseIfChanged(ws.store.findNode(id), seen);
      return ws.store.updateNode(id, patch);
    },
    'graph:delete-node': ({ id }) => {
      ws.store.deleteNode(id);
      return { ok: true };
    },
    'graph:add-edge': (input) => ws.store.addEdge(input),
    'graph:update-edge': ({ id, props }) => ws.store.updateEdge(id, props),
    'graph:delete-edge': ({ id }) => {
      ws.store.deleteEdge(id);
      return { ok: true };
    },
  };
}

/** Undo and redo of whole operation lists. */
export function historyHandlers(ws: WorkspaceService): DomainHandlers<typeof HISTORY_CHANNELS> {
  return {
    'history:state': () => ws.store.history.state(),
    'history:undo': () => ws.store.undo(),
    'history:redo': () => ws.store.redo(),
  };
}

/**
 * An edit made on a node the editor saw at `seen` (its updatedAt) is refused when the node changed since — in a
 * team workspace, someone else's edit that reached this desktop while the editor was typing — with the same
 * `edit_conflict` (and both versions: theirs in `params.detail`) as a conflict found by the server. A node that is
 * gone is left to updateNode's not_found.
 * @throws WellspringError `edit_conflict`
 */
function refuseIfChanged(node: NodeDto | null, seen: string): void {
  if (!node || node.updatedAt === seen) return;
  const theirs = { ...node, x: undefined, y: undefined };
  throw new WellspringError(
    'edit_conflict',
    `Someone else changed “${node.label}” since you opened it; your change was not saved.`,
    [],
    {
      key: 'errors.teamConflict',
      params: {
        label: node.label,
        detail: JSON.stringify({ table: 'nodes', id: node.id, reason: 'changed', theirs }),
      },
    },
  );
}
