import fs from 'node:fs';
import path from 'node:path';
import { openWorkspaceDb } from '../core/db/workspace-db';
import { GraphStore } from '../core/graph/graph-store';
import { ViewStore } from '../core/graph/view-store';
import { buildSnapshotHtml } from '../core/export/snapshot-html';
import { resolveSnapshotView, workspaceName } from '../core/export/snapshot-view';
import { writeFileAtomic } from '../core/export/write-atomic';
import type { Out } from './library-commands';

/**
 * `snapshot --workspace FILE --view NAME --out FILE.html`: writes the view as one self-contained offline HTML file
 * (main/core/export/snapshot-html.ts) and prints its path with the node and edge counts. The workspace is opened
 * read-only in spirit: nothing is written to it.
 * @returns 0
 * @throws WellspringError: of opening the workspace; `not_found` when --view names no view (the message lists the
 *   names that do); `io_error` when --out cannot be written (nothing is left behind). The caller prints it, exit 1.
 */
export function snapshotCommand(file: string, view: string, outFile: string, out: Out): number {
  const { db } = openWorkspaceDb(file);
  try {
    const resolved = resolveSnapshotView({ graph: new GraphStore(db), views: new ViewStore(db) }, view);
    const html = buildSnapshotHtml({
      view: resolved,
      workspaceName: workspaceName(db) ?? path.basename(file, path.extname(file)),
      date: new Date(),
    });
    const target = path.resolve(outFile);
    writeFileAtomic(target, html);
    const kb = Math.round(fs.statSync(target).size / 1024);
    out(
      `${target}\n${resolved.title}: ${resolved.graph.nodes.length} nodes · ${resolved.graph.edges.length} edges · ${kb} KB`,
    );
    return 0;
  } finally {
    db.close();
  }
}
