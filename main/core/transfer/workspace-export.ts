import type Database from 'better-sqlite3';
import type { GraphDto } from '../../../preload/contract';
import { GraphStore } from '../graph/graph-store';
import { ViewStore } from '../graph/view-store';
import { workspaceName } from '../export/snapshot-view';
import { exportCsvFiles, type ExportedFile } from './csv-export';
import { exportCypher } from './cypher';
import { exportCytoscapeJson } from './cytoscape-json';
import { exportGexf } from './gexf';
import { exportGraphml } from './graphml';
import { collectExportViews, exportWellspringJson } from './wellspring-json';
import type { ExportedView } from './wellspring-format';

export type { ExportedFile } from './csv-export';

/** The workspace export formats (issue 10 §2). */
export const TRANSFER_FORMATS = ['json', 'graphml', 'gexf', 'csv', 'cypher', 'cyjs'] as const;
export type TransferFormat = (typeof TRANSFER_FORMATS)[number];

/**
 * The file name extensions an export's file may have, the first being the one it is given; csv is a folder of
 * files named by exportCsvFiles.
 */
export const FORMAT_EXTENSIONS: Record<Exclude<TransferFormat, 'csv'>, readonly string[]> = {
  json: ['.json'],
  graphml: ['.graphml', '.xml'],
  gexf: ['.gexf'],
  cypher: ['.cypher', '.cql'],
  cyjs: ['.cyjs', '.json'],
};

/** Everything an export reads from a workspace. */
export interface ExportSource {
  /** The whole graph; node x/y are the knowledge map's positions. */
  graph: GraphDto;
  workspaceName: string;
  /** Every view with its positions (only the Wellspring JSON format carries them). */
  views: ExportedView[];
  exportedAt: Date;
}

/**
 * Reads what an export needs from an open workspace database (read-only use of GraphStore and ViewStore).
 * @param fallbackName the name when the workspace has none stored (the file's base name)
 */
export function readExportSource(
  db: Database.Database,
  fallbackName: string,
  exportedAt: Date = new Date(),
): ExportSource {
  const graph = new GraphStore(db);
  return {
    graph: graph.getGraph(),
    workspaceName: workspaceName(db) ?? fallbackName,
    views: collectExportViews({ graph, views: new ViewStore(db) }),
    exportedAt,
  };
}

/**
 * The workspace in one export format: one file (name '' — the caller's path) for every format but csv, which
 * gives one file per node kind and per edge kind (csv-export.ts). Pure: nothing is written.
 */
export function exportWorkspace(format: TransferFormat, src: ExportSource): ExportedFile[] {
  const { graph, workspaceName: name, exportedAt } = src;
  switch (format) {
    case 'json':
      return [
        {
          name: '',
          text: exportWellspringJson(graph, { workspaceName: name, views: src.views, exportedAt }),
        },
      ];
    case 'graphml':
      return [{ name: '', text: exportGraphml(graph, name) }];
    case 'gexf':
      return [{ name: '', text: exportGexf(graph, name, exportedAt) }];
    case 'cypher':
      return [{ name: '', text: exportCypher(graph, name) }];
    case 'cyjs':
      return [
        { name: '', text: `${JSON.stringify(exportCytoscapeJson(graph, name, exportedAt), null, 1)}\n` },
      ];
    case 'csv':
      return exportCsvFiles(graph);
  }
}
