import { strToU8, zipSync } from 'fflate';
import type { WorkspaceExport } from '../../../preload/contract';
import type { GraphStore } from '../graph/graph-store';
import type { ViewStore } from '../graph/view-store';
import { collectExportViews } from './wellspring-json';
import {
  exportWorkspace,
  FORMAT_EXTENSIONS,
  type ExportSource,
  type TransferFormat,
} from './workspace-export';

/** The MIME type each export is saved with (browser mode names the download's type with it). */
const MIME: Record<TransferFormat, string> = {
  json: 'application/json',
  graphml: 'application/graphml+xml',
  gexf: 'application/gexf+xml',
  csv: 'application/zip',
  cypher: 'text/plain',
  cyjs: 'application/json',
};

/**
 * What an export reads from the open workspace's stores (the app's; readExportSource opens its own on a database):
 * the whole graph with the map's positions, every view with its positions, the name the app shows.
 */
export function exportSourceOf(
  stores: { graph: GraphStore; views: ViewStore },
  workspaceName: string,
  exportedAt: Date = new Date(),
): ExportSource {
  return {
    graph: stores.graph.getGraph(),
    workspaceName,
    views: collectExportViews(stores),
    exportedAt,
  };
}

/**
 * The workspace in one format as ONE file to save (the File menu's Export workspace): text as it is, or for csv
 * the per-kind CSV files (exportCsvFiles, each UTF-8 with BOM) in one zip (fflate `zipSync`, deflate level 6,
 * entries dated `exportedAt`) as a base64 data: URL — one save dialog or download rather than one per kind.
 * Named `<workspace>-<yyyy-mm-dd>.<ext>` (`<workspace>-csv-<yyyy-mm-dd>.zip`), the date the UTC day of
 * `exportedAt`, characters no file system takes replaced by `_`. Pure: nothing is written.
 */
export function workspaceExportFile(format: TransferFormat, src: ExportSource): WorkspaceExport {
  const files = exportWorkspace(format, src);
  const stem = `${safeName(src.workspaceName)}${format === 'csv' ? '-csv' : ''}-${src.exportedAt.toISOString().slice(0, 10)}`;
  const counts = { nodes: src.graph.nodes.length, edges: src.graph.edges.length };
  if (format === 'csv') {
    const zip = zipSync(Object.fromEntries(files.map((f) => [f.name, strToU8(f.text)])), {
      level: 6,
      mtime: src.exportedAt,
    });
    return {
      format,
      fileName: `${stem}.zip`,
      content: `data:${MIME.csv};base64,${Buffer.from(zip).toString('base64')}`,
      encoding: 'dataUrl',
      mime: MIME.csv,
      entries: files.map((f) => f.name),
      bytes: zip.byteLength,
      ...counts,
    };
  }
  const fileName = `${stem}${FORMAT_EXTENSIONS[format][0]}`;
  const text = files[0]!.text;
  return {
    format,
    fileName,
    content: text,
    encoding: 'utf8',
    mime: MIME[format],
    entries: [fileName],
    bytes: Buffer.byteLength(text, 'utf8'),
    ...counts,
  };
}

// eslint-disable-next-line no-control-regex -- control characters are what is being replaced
const REFUSED_IN_NAMES = /[\\/:*?"<>|\u0000-\u001f]/g;

/** A workspace name fit for a file name (snapshotFileName's rule): at most 120 characters, never empty. */
function safeName(name: string): string {
  return name.replace(REFUSED_IN_NAMES, '_').trim().slice(0, 120) || 'workspace';
}
