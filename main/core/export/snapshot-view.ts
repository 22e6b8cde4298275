import type Database from 'better-sqlite3';
import {
  MAP_VIEW_ID,
  type ShownGraph,
  type EdgeDto,
  type GraphDto,
  type NodeDto,
  type ViewDto,
} from '../../../preload/contract';
import type { GraphStore } from '../graph/graph-store';
import type { ViewStore } from '../graph/view-store';
import { foldText } from '../util/text';
import { WellspringError } from '../util/errors';
import { concentricCompetencyPlacement } from './concentric-placement';

/** A line of a snapshot: a stored edge, or a line a canvas drew for one (its relation's kind). */
export type SnapshotEdge = Pick<EdgeDto, 'id' | 'kind' | 'source' | 'target'>;

/** One view made ready for a snapshot: what it is called and the elements it shows, each node placed. */
export interface SnapshotView {
  /** What the view is: the knowledge map, a saved view (also ego views), a process's view, the competency view. */
  kind: 'map' | 'saved' | 'process' | 'competency';
  /** The title to show: the view's name, the process's label, or a fixed name for the map and competency view. */
  title: string;
  /** The view's id when it exists in the views table (a process or competency view not created yet has none). */
  viewId: string | null;
  /**
   * How the app opens this view (its `?show=` deep link, ui/export/automation.ts): `map`, `competency`,
   * `process:<process id>` or `saved:<view id>`.
   */
  openAs: string;
  /**
   * The app computes this view's layout (the competency rings, a pipeline; a saved view of either): a faithful
   * picture or snapshot of it is taken from the app (app-export.ts), not from the stored positions alone.
   */
  drawnByApp: boolean;
  /** Nodes (x/y in model px, never null) and the lines between them (stored edges, or what a canvas drew). */
  graph: { nodes: Array<NodeDto & { x: number; y: number }>; edges: SnapshotEdge[] };
}

/** The stores a view is read from. */
export interface SnapshotSources {
  graph: GraphStore;
  views: ViewStore;
}

/** Distance (model px) between the cells of the placement of nodes that have no stored position. */
export const GRID_STEP = 160; // wider than a label (text-max-width 140 in the page), so labels never overlap

/**
 * Resolves `--view NAME` to the elements of one view, at that view's stored positions:
 * - `map`: the knowledge map (view `map`), every node;
 * - `competency`: the competency nodes, the knowledge items that support them and their `part_of`/`supports`
 *   edges, at the positions of the core level's competency view (kind `competency`, no `layout.focusId`) or, without
 *   one, of the knowledge map — when every one of them has a position there; else all on concentric rings
 *   (concentricCompetencyPlacement: core, capabilities, subs, items). The app's own snapshot of a drill level
 *   sends what its canvas shows instead (withShownElements);
 * - `process:NAME` or a bare process NAME: the process's view (`layout.processId`), showing the process, its steps
 *   (`part_of`), what they require and produce and the experts they consult;
 * - any other NAME: a saved or ego view of that name (or id), with its filters applied.
 * Names are compared after NFKC + case folding; a saved view wins over a process of the same name.
 * Nodes without a stored position are placed on a grid (GRID_STEP apart, sorted by kind then label) below the
 * placed ones, so nothing sits at 0,0 on top of another.
 * @throws WellspringError `not_found` (key errors.snapshotViewUnknown) naming every view name that would work
 */
export function resolveSnapshotView(src: SnapshotSources, name: string): SnapshotView {
  const wanted = foldText(name).trim();
  const views = src.views.list();
  if (wanted === 'map')
    return place('map', 'Knowledge map', MAP_VIEW_ID, src.graph.getGraph(undefined, MAP_VIEW_ID), 'map');
  if (wanted === 'competency') return competencyView(src, views);
  const shown = views.filter((v) => v.kind === 'saved' || v.kind === 'ego');
  const saved =
    shown.find((v) => v.id === name.trim()) ?? shown.find((v) => foldText(v.name).trim() === wanted);
  if (saved)
    return place(
      'saved',
      saved.name,
      saved.id,
      src.graph.getGraph(saved.filters, saved.id),
      `saved:${saved.id}`,
      // Saved from the pipeline or the competency diagram (saved-views' `savedFrom`), not from the map.
      saved.layout.savedFrom === 'process' || saved.layout.savedFrom === 'competency',
    );
  const processName = wanted.startsWith('process:') ? wanted.slice('process:'.length).trim() : wanted;
  const processes = src.graph.getGraph({ kinds: ['process'] }).nodes;
  const process =
    processes.find((p) => p.id === name.trim() || foldText(p.label).trim() === processName) ??
    processes.find((p) => p.aliases.some((a) => foldText(a).trim() === processName));
  if (process) return processView(src, views, process);
  const names = snapshotViewNames(src.views, processes);
  throw new WellspringError(
    'not_found',
    `No view is called “${name}”. Views: ${names.join(', ')}.`,
    ['view'],
    { key: 'errors.snapshotViewUnknown', params: { name, names: names.join(', ') } },
  );
}

/**
 * `view` with exactly the elements a canvas shows (`shown`, the app's snapshot of the view on screen): each shown
 * node is the stored node `refId` under the element id `id` at (x, y); shown nodes whose graph node no longer
 * exists are left out, and so are lines with an end left out. Title: `shown.title`.
 */
export function withShownElements(graph: GraphStore, view: SnapshotView, shown: ShownGraph): SnapshotView {
  const refIds = [...new Set(shown.nodes.map((n) => n.refId))];
  const stored = new Map(graph.getElements(refIds, []).nodes.map((n) => [n.id, n]));
  const nodes: Array<NodeDto & { x: number; y: number }> = [];
  for (const n of shown.nodes) {
    const node = stored.get(n.refId);
    if (node) nodes.push({ ...node, id: n.id, x: n.x, y: n.y });
  }
  const present = new Set(nodes.map((n) => n.id));
  const edges: SnapshotEdge[] = shown.edges
    .filter((e) => present.has(e.source) && present.has(e.target))
    .map((e) => ({ id: e.id, kind: e.kind, source: e.source, target: e.target }));
  return { ...view, title: shown.title, graph: { nodes, edges } };
}

/** The names `--view` accepts, in this order: map, competency, saved and ego views, `process:` + each process. */
export function snapshotViewNames(views: ViewStore, processes?: readonly NodeDto[]): string[] {
  const saved = views.list().filter((v) => v.kind === 'saved' || v.kind === 'ego');
  const procs = processes ?? [];
  return ['map', 'competency', ...saved.map((v) => v.name), ...procs.map((p) => `process:${p.label}`)];
}

function competencyView(src: SnapshotSources, views: ViewDto[]): SnapshotView {
  // The core level's view (the app keeps one per drill level; `layout.focusId` null or absent is the core).
  const view = views.find((v) => v.kind === 'competency' && (v.layout.focusId ?? null) === null);
  const viewId = view?.id ?? MAP_VIEW_ID;
  const all = src.graph.getGraph(view?.filters, viewId);
  const competencies = new Set(all.nodes.filter((n) => n.kind === 'competency').map((n) => n.id));
  const edges = all.edges.filter(
    (e) =>
      (e.kind === 'part_of' && competencies.has(e.source) && competencies.has(e.target)) ||
      (e.kind === 'supports' && competencies.has(e.target)),
  );
  const keep = new Set([...competencies, ...edges.map((e) => e.source)]);
  let nodes = all.nodes.filter((n) => keep.has(n.id));
  // A level's view holds only what the user dragged: unless every node has a place, all go on the rings.
  if (nodes.some((n) => n.x === null || n.y === null)) {
    const rings = concentricCompetencyPlacement(nodes, edges);
    nodes = nodes.map((n) => ({ ...n, ...rings.get(n.id)! }));
  }
  return place('competency', view?.name || 'Competencies', view?.id ?? null, { nodes, edges }, 'competency');
}

function processView(src: SnapshotSources, views: ViewDto[], process: NodeDto): SnapshotView {
  const view = views.find((v) => v.kind === 'process' && v.layout.processId === process.id);
  // A process view stores only the positions the user dragged; the rest is placed (see place()).
  const all = src.graph.getGraph(undefined, view?.id ?? MAP_VIEW_ID);
  const steps = new Set(
    all.edges.filter((e) => e.kind === 'part_of' && e.target === process.id).map((e) => e.source),
  );
  const around = (e: EdgeDto) =>
    steps.has(e.source) && (e.kind === 'requires' || e.kind === 'produces' || e.kind === 'consults');
  const keep = new Set([process.id, ...steps]);
  for (const e of all.edges) if (around(e)) keep.add(e.target);
  // Without a view of its own, nothing is placed yet: map positions mean nothing in a pipeline.
  const nodes = all.nodes.filter((n) => keep.has(n.id)).map((n) => (view ? n : { ...n, x: null, y: null }));
  const edges = all.edges.filter((e) => keep.has(e.source) && keep.has(e.target));
  return place('process', process.label, view?.id ?? null, { nodes, edges }, `process:${process.id}`);
}

const KIND_ORDER = [
  'process',
  'step',
  'competency',
  'knowledge',
  'expert',
  'category',
  'term',
  'document',
  'unit',
];

/** Gives every node without a position a cell of a grid below the placed nodes (deterministic). */
function place(
  kind: SnapshotView['kind'],
  title: string,
  viewId: string | null,
  g: GraphDto,
  openAs: string,
  drawnByApp = kind === 'competency' || kind === 'process',
): SnapshotView {
  const placed = g.nodes.filter((n) => n.x !== null && n.y !== null);
  const loose = g.nodes
    .filter((n) => n.x === null || n.y === null)
    .sort(
      (a, b) =>
        KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
        Number(a.props.order ?? 0) - Number(b.props.order ?? 0) ||
        a.label.localeCompare(b.label, 'zh-CN') ||
        a.id.localeCompare(b.id),
    );
  const minX = placed.length ? Math.min(...placed.map((n) => n.x!)) : 0;
  const top = placed.length ? Math.max(...placed.map((n) => n.y!)) + GRID_STEP * 2 : 0;
  const columns = Math.max(1, Math.ceil(Math.sqrt(loose.length)));
  const at = new Map<string, { x: number; y: number }>();
  loose.forEach((n, i) =>
    at.set(n.id, { x: minX + (i % columns) * GRID_STEP, y: top + Math.floor(i / columns) * GRID_STEP }),
  );
  return {
    kind,
    title,
    viewId,
    openAs,
    drawnByApp,
    graph: {
      nodes: g.nodes.map((n) => ({ ...n, ...(at.get(n.id) ?? { x: n.x!, y: n.y! }) })),
      edges: g.edges,
    },
  };
}

/**
 * The file name a snapshot is offered under: "<title>-<yyyy-mm-dd>.html" with the characters Windows, macOS or
 * Linux refuse in a name (\ / : * ? " < > | and control characters) replaced by "_", at most 120 characters of title.
 * `date` is taken as its UTC calendar day, as the page shows it.
 */
export function snapshotFileName(title: string, date: Date): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is being replaced
  const refused = /[\\/:*?"<>|\u0000-\u001f]/g;
  const safe = title.replace(refused, '_').trim().slice(0, 120) || 'view';
  return `${safe}-${date.toISOString().slice(0, 10)}.html`;
}

/** The workspace's name (meta `name`), or null when it has none. */
export function workspaceName(db: Database.Database): string | null {
  const row = db.prepare("SELECT value FROM meta WHERE key = 'name'").get() as { value: string } | undefined;
  return row?.value ?? null;
}
