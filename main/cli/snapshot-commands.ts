import fs from 'node:fs';
import path from 'node:path';
import { openWorkspaceDb } from '../core/db/workspace-db';
import { GraphStore } from '../core/graph/graph-store';
import { ViewStore } from '../core/graph/view-store';
import { openViewInApp, type ExportLanguage, type PageExportApi } from '../core/host/app-export';
import { buildSnapshotHtml } from '../core/export/snapshot-html';
import { resolveSnapshotView, withShownElements, workspaceName } from '../core/export/snapshot-view';
import { checkWritable, writeFileAtomic } from '../core/export/write-atomic';
import { ensureRenderer } from './app-renderer';
import type { Out } from './library-commands';

/**
 * `snapshot --workspace FILE --view NAME --out FILE.html [--language zh-CN|en]`: writes the view as one
 * self-contained offline HTML file (main/core/export/snapshot-html.ts) and prints its path with the node and edge
 * counts. The map and views saved from it are read from the workspace's stored positions; a view whose layout the
 * app computes (the competency diagram, a pipeline, a view saved from either) is opened in the app in headless
 * Chromium and the snapshot shows exactly what it draws there (app-export.ts), as the app's own Export menu does.
 * @returns 0
 * @throws WellspringError: of opening the workspace; `not_found` when --view names no view (the message lists the
 *   names that do); `io_error` when --out cannot be written (checked first; nothing is left behind);
 *   `unsupported` / `internal` from drawing in the app. The caller prints it, exit 1.
 */
export async function snapshotCommand(
  file: string,
  view: string,
  outFile: string,
  language: ExportLanguage,
  out: Out,
): Promise<number> {
  const target = path.resolve(outFile);
  const { db } = openWorkspaceDb(file);
  let resolved;
  let name: string;
  try {
    const graph = new GraphStore(db);
    resolved = resolveSnapshotView({ graph, views: new ViewStore(db) }, view);
    name = workspaceName(db) ?? path.basename(file, path.extname(file));
    checkWritable(target, 'snapshot');
    if (!resolved.drawnByApp) {
      write(target, buildSnapshotHtml({ view: resolved, workspaceName: name, date: new Date() }));
      return report(target, resolved.title, resolved.graph, out);
    }
  } finally {
    db.close();
  }
  const session = await openViewInApp(file, resolved.openAs, language, ensureRenderer());
  let shown;
  try {
    shown = await session.page.evaluate(() =>
      (globalThis as unknown as { __wellspringExport: PageExportApi }).__wellspringExport.shown(),
    );
  } finally {
    await session.close();
  }
  const { db: again } = openWorkspaceDb(file);
  try {
    const drawn = withShownElements(new GraphStore(again), resolved, shown);
    write(target, buildSnapshotHtml({ view: drawn, workspaceName: name, date: new Date() }));
    return report(target, drawn.title, drawn.graph, out);
  } finally {
    again.close();
  }
}

function write(target: string, html: string): void {
  writeFileAtomic(target, html, 'snapshot');
}

function report(target: string, title: string, g: { nodes: unknown[]; edges: unknown[] }, out: Out): number {
  const kb = Math.round(fs.statSync(target).size / 1024);
  out(`${target}\n${title}: ${g.nodes.length} nodes · ${g.edges.length} edges · ${kb} KB`);
  return 0;
}
