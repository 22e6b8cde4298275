import Papa from 'papaparse';
import {
  EDGE_KINDS,
  EDGE_PROPS,
  NODE_KINDS,
  NODE_PROPS,
  type EdgeDto,
  type GraphDto,
  type NodeDto,
} from '../../../preload/contract';
import { BOM } from '../reports/write-csv';
import { EDGE_FIXED, NODE_FIXED } from './prop-columns';

/** One file of a multi-file export: its name inside the folder and its text. */
export interface ExportedFile {
  name: string;
  text: string;
}

/** Separator of the values of a list cell (aliases, tags, a term's synonyms), as in the reports' CSV. */
export const LIST_SEPARATOR = '; ';

/** A column of a CSV file: its header and how a row's cell is read. */
interface Column<T> {
  header: string;
  cell: (el: T) => string | number | boolean;
}

/**
 * The columns of one kind's props, from its schema (NODE_PROPS / EDGE_PROPS, in schema order): a list is one cell
 * joined by LIST_SEPARATOR, an object (a term's translations) one column per member (`translations.en`), so every
 * cell of a spreadsheet is a plain value. A prop whose name is a fixed column is headed `prop.<name>`.
 */
function propColumns<T extends { props: Record<string, unknown> }>(
  shape: object,
  fixed: ReadonlySet<string>,
): Array<Column<T>> {
  const columns: Array<Column<T>> = [];
  for (const [prop, field] of Object.entries(shape)) {
    const header = fixed.has(prop) ? `prop.${prop}` : prop;
    const inner = objectShape(field);
    if (inner)
      for (const member of Object.keys(inner))
        columns.push({
          header: `${header}.${member}`,
          cell: (el) => cellOf((el.props[prop] as Record<string, unknown> | undefined)?.[member]),
        });
    else columns.push({ header, cell: (el) => cellOf(el.props[prop]) });
  }
  return columns;
}

/** The shape of an object schema (through optional/default), or null. */
function objectShape(field: unknown): Record<string, unknown> | null {
  let s = field as { def: { type: string; innerType?: unknown }; shape?: Record<string, unknown> };
  while (s.def.type === 'optional' || s.def.type === 'default') s = s.def.innerType as typeof s;
  return s.def.type === 'object' && s.shape ? s.shape : null;
}

function cellOf(v: unknown): string | number | boolean {
  if (v === undefined || v === null) return '';
  if (Array.isArray(v))
    return v.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join(LIST_SEPARATOR);
  if (typeof v === 'object') return JSON.stringify(v);
  return v as string | number | boolean;
}

const NODE_COLUMNS: Array<Column<NodeDto>> = [
  { header: 'id', cell: (n) => n.id },
  { header: 'label', cell: (n) => n.label },
  { header: 'aliases', cell: (n) => n.aliases.join(LIST_SEPARATOR) },
  { header: 'description', cell: (n) => n.description },
  { header: 'tags', cell: (n) => n.tags.join(LIST_SEPARATOR) },
];
const NODE_TAIL: Array<Column<NodeDto>> = [
  { header: 'x', cell: (n) => n.x ?? '' },
  { header: 'y', cell: (n) => n.y ?? '' },
  { header: 'createdAt', cell: (n) => n.createdAt },
  { header: 'updatedAt', cell: (n) => n.updatedAt },
];

function csvText<T>(columns: ReadonlyArray<Column<T>>, rows: readonly T[]): string {
  // escapeFormulae: a cell starting with = + - @ (or a tab / CR) gets a leading ', so that a label cannot run as a
  // formula when the file is opened in a spreadsheet (CSV injection), as in the reports (write-csv.ts).
  const body = Papa.unparse(
    { fields: columns.map((c) => c.header), data: rows.map((r) => columns.map((c) => c.cell(r))) },
    { newline: '\r\n', escapeFormulae: true },
  );
  return `${BOM}${body}\r\n`;
}

/**
 * The graph as CSV files for spreadsheets, one per node kind and one per edge kind present (kinds in the model's
 * order): `nodes-<kind>.csv` with id, label, aliases, description, tags, that kind's props, then x and y (the
 * knowledge map's position, empty where unplaced), createdAt and updatedAt; `edges-<kind>.csv` with id, source,
 * sourceLabel, target, targetLabel, that kind's props and createdAt. One file per edge kind rather than one
 * edges file with a kind column, so each relation has only its own prop columns (`knows` its proficiency,
 * `supports` its weight) and the files of nodes and edges read alike; the labels of both ends make an edge file
 * readable without a lookup.
 *
 * Every file is UTF-8 with a byte order mark (Excel reads Chinese only then), CRLF line ends and RFC 4180 quoting
 * by papaparse (fields with commas, quotes or line breaks are quoted; multi-line descriptions stay one cell).
 * Lists are joined by LIST_SEPARATOR; objects spread over one column per member. Cells that would start a
 * formula get a leading `'` (see csvText).
 */
export function exportCsvFiles(graph: GraphDto): ExportedFile[] {
  const files: ExportedFile[] = [];
  const labels = new Map(graph.nodes.map((n) => [n.id, n.label]));
  for (const kind of NODE_KINDS) {
    const rows = graph.nodes.filter((n) => n.kind === kind);
    if (!rows.length) continue;
    const props = propColumns<NodeDto>(NODE_PROPS[kind].shape, NODE_FIXED);
    files.push({ name: `nodes-${kind}.csv`, text: csvText([...NODE_COLUMNS, ...props, ...NODE_TAIL], rows) });
  }
  for (const kind of EDGE_KINDS) {
    const rows = graph.edges.filter((e) => e.kind === kind);
    if (!rows.length) continue;
    const columns: Array<Column<EdgeDto>> = [
      { header: 'id', cell: (e) => e.id },
      { header: 'source', cell: (e) => e.source },
      { header: 'sourceLabel', cell: (e) => labels.get(e.source) ?? '' },
      { header: 'target', cell: (e) => e.target },
      { header: 'targetLabel', cell: (e) => labels.get(e.target) ?? '' },
      ...propColumns<EdgeDto>(EDGE_PROPS[kind].shape, EDGE_FIXED),
      { header: 'createdAt', cell: (e) => e.createdAt },
    ];
    files.push({ name: `edges-${kind}.csv`, text: csvText(columns, rows) });
  }
  return files;
}
