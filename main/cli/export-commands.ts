import fs from 'node:fs';
import path from 'node:path';
import { openWorkspaceDb } from '../core/db/workspace-db';
import { GraphStore } from '../core/graph/graph-store';
import { ViewStore } from '../core/graph/view-store';
import { openViewInApp, type ExportLanguage } from '../core/host/app-export';
import { resolveSnapshotView } from '../core/export/snapshot-view';
import { drawViewInApp, PNG_SCALE, requireChromium, type ExportFormat } from '../core/export/view-export';
import { checkWritable, writeFileAtomic } from '../core/export/write-atomic';
import { ensureRenderer } from './app-renderer';
import type { Out } from './library-commands';

/**
 * `export-view --workspace FILE --view NAME --format png|svg|pdf --out FILE [--language zh-CN|en]`: opens the view
 * (resolved as `snapshot` does: map, competency, a saved view's name, process:NAME) in the app in headless
 * Chromium and draws it with the app's own export (app-export.ts, view-export.ts drawViewInApp): the same picture
 * as the Export menu, in `language`. Writes it, then prints the path, the view's title and the picture's size.
 * Everything that can fail cheaply is checked first — the view, the --out path, the browser — so nothing is drawn
 * in vain and nothing is half-written.
 * @returns 0
 * @throws WellspringError: of opening the workspace; `not_found` when --view names no view (the message lists the
 *   names that do); `io_error` when --out cannot be written; `unsupported` when there is no Chromium (the message
 *   names the path looked at); `internal` when the view cannot be drawn. The caller prints it, exit 1.
 */
export async function exportViewCommand(
  file: string,
  view: string,
  format: ExportFormat,
  outFile: string,
  language: ExportLanguage,
  out: Out,
): Promise<number> {
  const target = path.resolve(outFile);
  const { db } = openWorkspaceDb(file);
  let resolved;
  try {
    resolved = resolveSnapshotView({ graph: new GraphStore(db), views: new ViewStore(db) }, view);
  } finally {
    db.close();
  }
  checkWritable(target, 'export');
  requireChromium();
  const session = await openViewInApp(file, resolved.openAs, language, ensureRenderer());
  let drawn;
  try {
    drawn = await drawViewInApp(session.page, format);
  } finally {
    await session.close();
  }
  writeFileAtomic(target, drawn.data, 'export');
  const kb = Math.round(fs.statSync(target).size / 1024);
  const size =
    format === 'png'
      ? `${drawn.width}×${drawn.height} px at ${PNG_SCALE}× (${drawn.width * PNG_SCALE}×${drawn.height * PNG_SCALE})`
      : format === 'pdf'
        ? `${drawn.width}×${drawn.height} px on ${drawn.paper}`
        : `${drawn.width}×${drawn.height} px`;
  out(`${target}\n${resolved.title}: ${format.toUpperCase()} ${size} · ${kb} KB`);
  return 0;
}
