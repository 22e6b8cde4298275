import fs from 'node:fs';
import path from 'node:path';
import { openWorkspaceDb } from '../core/db/workspace-db';
import { GraphStore } from '../core/graph/graph-store';
import { ViewStore } from '../core/graph/view-store';
import { resolveSnapshotView, workspaceName } from '../core/export/snapshot-view';
import { PNG_SCALE, renderViewExport, requireChromium, type ExportFormat } from '../core/export/view-export';
import { checkWritable, writeFileAtomic } from '../core/export/write-atomic';
import type { Out } from './library-commands';

/**
 * `export-view --workspace FILE --view NAME --format png|svg|pdf --out FILE`: draws the view (resolved as
 * `snapshot` does: map, competency, a saved view's name, process:NAME) in headless Chromium and writes it, then
 * prints the path, the view's title and counts and the picture's size. Everything that can fail cheaply is checked
 * first — the view, the --out path, the browser — so nothing is drawn in vain and nothing is half-written. The
 * workspace is only read.
 * @returns 0
 * @throws WellspringError: of opening the workspace; `not_found` when --view names no view (the message lists the
 *   names that do); `io_error` when --out cannot be written; `unsupported` when there is no Chromium (the message
 *   names the path looked at); `internal` when the page cannot be drawn. The caller prints it, exit 1.
 */
export async function exportViewCommand(
  file: string,
  view: string,
  format: ExportFormat,
  outFile: string,
  out: Out,
): Promise<number> {
  const target = path.resolve(outFile);
  const { db } = openWorkspaceDb(file);
  try {
    const resolved = resolveSnapshotView({ graph: new GraphStore(db), views: new ViewStore(db) }, view);
    checkWritable(target, 'export');
    requireChromium();
    const drawn = await renderViewExport(
      {
        view: resolved,
        workspaceName: workspaceName(db) ?? path.basename(file, path.extname(file)),
        date: new Date(),
      },
      format,
    );
    writeFileAtomic(target, drawn.data, 'export');
    const kb = Math.round(fs.statSync(target).size / 1024);
    const size =
      format === 'png'
        ? `${drawn.width}×${drawn.height} px at ${PNG_SCALE}× (${drawn.width * PNG_SCALE}×${drawn.height * PNG_SCALE})`
        : `${drawn.width}×${drawn.height} px`;
    out(
      `${target}\n${resolved.title}: ${resolved.graph.nodes.length} nodes · ${resolved.graph.edges.length} edges · ${format.toUpperCase()} ${size} · ${kb} KB`,
    );
    return 0;
  } finally {
    db.close();
  }
}
