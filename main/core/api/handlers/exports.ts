import type { EXPORTS_CHANNELS } from '../../../../preload/contract';
import { buildSnapshotHtml } from '../../export/snapshot-html';
import { resolveSnapshotView, snapshotFileName } from '../../export/snapshot-view';
import type { WorkspaceService } from '../../workspace/workspace-service';
import type { DomainHandlers } from './types';

/** The offline HTML snapshot of a view, built in the core as the CLI's `snapshot` builds it (issue 9.6). */
export function exportsHandlers(ws: WorkspaceService): DomainHandlers<typeof EXPORTS_CHANNELS> {
  return {
    'export:snapshot': ({ view }) => {
      const resolved = resolveSnapshotView({ graph: ws.store, views: ws.views }, view);
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
