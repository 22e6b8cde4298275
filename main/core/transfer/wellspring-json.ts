import type { z } from 'zod';
import type { GraphDto } from '../../../preload/contract';
import type { GraphStore } from '../graph/graph-store';
import type { ViewStore } from '../graph/view-store';
import { WellspringError } from '../util/errors';
import { JsonLocator, type JsonPathStep } from './json-locator';
import { exportMessage } from './messages';
import {
  WELLSPRING_FORMAT,
  WELLSPRING_VERSION,
  WellspringDocument,
  type ExportedView,
} from './wellspring-format';

/** What a Wellspring JSON export carries beside the graph. */
export interface WellspringExtras {
  /** The workspace's name (`meta.name`; the file name when it has none). */
  workspaceName: string;
  /** Every view with its positions, in sidebar order (collectExportViews). */
  views: ExportedView[];
  /** The time written as `exportedAt`; now when absent. */
  exportedAt?: Date;
}

/**
 * Every view of a workspace with its own positions (model px) of the nodes placed in it, in sidebar order; the
 * positions follow the graph's node order. Reads only.
 */
export function collectExportViews(src: { graph: GraphStore; views: ViewStore }): ExportedView[] {
  return src.views.list().map((v) => ({
    kind: v.kind,
    name: v.name,
    filters: v.filters,
    layout: v.layout,
    camera: v.camera,
    order: v.order,
    positions: src.graph
      .getGraph(undefined, v.id)
      .nodes.flatMap((n) => (n.x !== null && n.y !== null ? [{ id: n.id, x: n.x, y: n.y }] : [])),
  }));
}

/**
 * The whole workspace as a Wellspring JSON document (wellspring-format.ts, version WELLSPRING_VERSION): every node
 * and edge with all its columns, and the views with their positions, so that planWellspringJsonImport into an
 * empty workspace gives the same ids, labels, props, edges and positions. Indented by two spaces (readable in a
 * diff; line numbers in import problems point at one member).
 * @param graph the whole graph (GraphStore.getGraph() without a filter); node x/y are ignored (positions come
 *   from `extras.views`)
 * @returns the JSON text, with a final newline
 */
export function exportWellspringJson(graph: GraphDto, extras: WellspringExtras): string {
  const doc: WellspringDocument = {
    format: WELLSPRING_FORMAT,
    version: WELLSPRING_VERSION,
    exportedAt: (extras.exportedAt ?? new Date()).toISOString(),
    workspace: { name: extras.workspaceName },
    nodes: graph.nodes.map((n) => ({
      id: n.id,
      kind: n.kind,
      label: n.label,
      aliases: n.aliases,
      description: n.description,
      tags: n.tags,
      props: n.props,
      createdAt: n.createdAt,
      updatedAt: n.updatedAt,
    })),
    edges: graph.edges.map((e) => ({
      id: e.id,
      kind: e.kind,
      source: e.source,
      target: e.target,
      props: e.props,
      createdAt: e.createdAt,
    })),
    views: extras.views,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** A parsed Wellspring JSON document and a locator for the lines of its members. */
export interface ParsedWellspringJson {
  doc: WellspringDocument;
  locator: JsonLocator;
}

/**
 * Reads a Wellspring JSON export (a leading UTF-8 byte order mark is allowed). Checks, in this order: that the text
 * is JSON, that it is a Wellspring export, that its version is one this build reads, and that it has the shape of
 * WellspringDocument. Props are not checked against their kind here (planWellspringJsonImport does, item by item).
 * Every message names the file and the line, and the JSON path of the value at fault:
 * `team.json, line 41: nodes[12].kind: unknown kind “foo”`.
 * @param fileName the file's name, for messages
 * @throws WellspringError `invalid_input` with the JSON path as `path`, key `transfer:export.errors.*`:
 *   `notJson` (line, column), `notWellspring`, `newerVersion` (the file's version and the newest readable),
 *   `unknownKind`, `missingField`, `badField`
 */
export function parseWellspringJson(text: string, fileName: string): ParsedWellspringJson {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const locator = new JsonLocator(body);
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    const at = locator.syntaxError() ?? { line: 1, column: 1, reason: 'not JSON' };
    throw new WellspringError(
      'invalid_input',
      `${fileName}, line ${at.line}, column ${at.column}: not valid JSON (${at.reason}).`,
      [],
      exportMessage('transfer:export.errors.notJson', { file: fileName, line: at.line, column: at.column }),
    );
  }
  const top = typeof data === 'object' && data !== null && !Array.isArray(data) ? data : {};
  const format = (top as { format?: unknown }).format;
  if (format !== WELLSPRING_FORMAT)
    throw new WellspringError(
      'invalid_input',
      `${fileName} is not a Wellspring export: its "format" is ${format === undefined ? 'missing' : JSON.stringify(format)}, not "${WELLSPRING_FORMAT}".`,
      ['format'],
      exportMessage('transfer:export.errors.notWellspring', { file: fileName }),
    );
  const version = (top as { version?: unknown }).version;
  if (typeof version === 'number' && Number.isInteger(version) && version > WELLSPRING_VERSION)
    throw new WellspringError(
      'invalid_input',
      `${fileName} was exported by a newer Wellspring (format version ${version}); this build reads version ${WELLSPRING_VERSION} or older. Update Wellspring to import it.`,
      ['version'],
      exportMessage('transfer:export.errors.newerVersion', {
        file: fileName,
        version,
        supported: WELLSPRING_VERSION,
      }),
    );
  const r = WellspringDocument.safeParse(data);
  if (r.success) return { doc: r.data, locator };
  throw shapeError(r.error.issues[0]!, data, fileName, locator);
}

/** `['nodes', 12, 'kind']` → `nodes[12].kind`. */
export function formatJsonPath(path: readonly JsonPathStep[]): string {
  let out = '';
  for (const step of path) out += typeof step === 'number' ? `[${step}]` : out ? `.${step}` : step;
  return out || '(the document)';
}

function shapeError(
  issue: z.core.$ZodIssue,
  data: unknown,
  fileName: string,
  locator: JsonLocator,
): WellspringError {
  const path = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
  const where = formatJsonPath(path);
  const line = locator.lineOf(path);
  const value = valueAt(data, path);
  const prefix = `${fileName}, line ${line}: ${where}`;
  const params = { file: fileName, line, path: where };
  if (path[path.length - 1] === 'kind' && issue.code === 'invalid_value' && typeof value === 'string')
    return new WellspringError(
      'invalid_input',
      `${prefix}: unknown kind “${value}”.`,
      path,
      exportMessage('transfer:export.errors.unknownKind', { ...params, value }),
    );
  if (value === undefined && issue.code === 'invalid_type')
    return new WellspringError(
      'invalid_input',
      `${prefix} is missing.`,
      path,
      exportMessage('transfer:export.errors.missingField', params),
    );
  return new WellspringError(
    'invalid_input',
    `${prefix}: ${issue.message}.`,
    path,
    exportMessage('transfer:export.errors.badField', params),
  );
}

function valueAt(data: unknown, path: readonly JsonPathStep[]): unknown {
  let v = data;
  for (const step of path) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<string | number, unknown>)[step];
  }
  return v;
}
