import type { EXPORTS_CHANNELS } from '../../../../preload/contract';
import { buildSnapshotHtml } from '../../export/snapshot-html';
import { resolveSnapshotView, snapshotFileName, withShownElements } from '../../export/snapshot-view';
import type { WorkspaceService } from '../../workspace/workspace-service';
import type { DomainHandlers } from './types';

/**
 * The offline HTML snapshot of a view (issue 9.6), built in the core as the CLI's `snapshot` builds it; from the
 * app with the elements on screen (`shown`), so the file shows what the user sees.
 */
export function exportsHandlers(ws: WorkspaceService): DomainHandlers<typeof EXPORTS_CHANNELS> {
  return {
    'export:snapshot': ({ view, shown }) => {
      const stored = resolveSnapshotView({ graph: ws.store, views: ws.views }, view);
      const resolved = shown ? withShownElements(ws.store, stored, shown) : stored;
      const date = new Date();
      const html = buildSnapshotHtml({ view: resolved, workspaceName: ws.info().name, date });
      return {
        fileName: snapshotFileName(resolved.title, date),
        html,
        title: resolved.title,
        nodes: resolved.graph.nodes.length,
        edges: resolved.graph.edges.length,
      };
    },
  };
}
