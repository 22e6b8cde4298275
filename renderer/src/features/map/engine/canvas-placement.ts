/**
 * The engine's bridge between Cytoscape and the pure placement and layout code: labelled boxes read from the
 * canvas, and the placement of nodes that have no position (place-nodes.ts) with every other node as an obstacle.
 *
 * Boxes are measured with every label drawn at the base size (the engine passes level-of-detail's
 * `withAllLabels` as `measure`): on screen, which labels are drawn and how large depends on the zoom, but the
 * space a node needs must not.
 */
import type { Core, NodeCollection, NodeSingular } from 'cytoscape';
import type { LayoutNode } from './layout-options';
import { centroid, placeNodes, type Box, type PlaceItem, type Point } from './place-nodes';

/**
 * Runs `fn` with the labels of `nodes` (default: all) drawn at their base size, or as the canvas is when there is
 * no level of detail.
 */
export type Measure = <T>(fn: () => T, nodes?: NodeCollection) => T;

/** Space kept free around every labelled box when placing (model px). */
export const PLACE_MARGIN = 12;

/**
 * A box for a node that does not exist yet (the N command picks its spot before its label is known): a
 * knowledge item (the dialog's default kind, 26 px) with a two-line label of 8 CJK characters under it.
 */
export const NEW_NODE_EXTENT = { left: 48, right: 48, top: 16, bottom: 50 };

/**
 * The node's box with its label, without overlays (the search flash) and underlays (model px). Not from
 * Cytoscape's cache: the label's place is computed by the renderer, and for a node moved since the last frame
 * the cached box still has the label where the node was.
 */
export function labelledBox(n: NodeSingular): Box {
  const b = n.boundingBox({
    includeLabels: true,
    includeOverlays: false,
    includeUnderlays: false,
    useCache: false,
  } as object);
  return { x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2 };
}

const hundredths = (v: number) => Math.round(v * 100) / 100;

/**
 * Layout-request nodes for `nodes`. With `boxes`, each carries its labelled box (measured through `measure`);
 * without, the box is the node's shape, which is all force and concentric layouts use.
 */
export function layoutNodes(nodes: NodeCollection, measure: Measure, boxes: boolean): LayoutNode[] {
  const read = () =>
    nodes.map((n) => {
      const p = n.position();
      const size = n.data('size') as number;
      const b = boxes
        ? labelledBox(n)
        : { x1: p.x - size / 2, y1: p.y - size / 2, x2: p.x + size / 2, y2: p.y + size / 2 };
      // Box sizes to 1/100 px: measured at different positions they differ in the 14th digit, and ties broken
      // by such noise would give the same graph a different picture (layouts must be deterministic).
      return {
        id: n.id(),
        kind: n.data('kind') as string,
        size,
        w: hundredths(b.x2 - b.x1),
        h: hundredths(b.y2 - b.y1),
        cx: hundredths(p.x - b.x1),
        cy: hundredths(p.y - b.y1),
        x: p.x,
        y: p.y,
      };
    });
  return boxes ? measure(read) : read();
}

/**
 * How far from its start point (model px) a node first looks for a free spot; only the nodes within reach of
 * that search are measured. Measuring every labelled box took ~0.7 s on a 5,000-node map (bench in the report);
 * a search that finds nothing so close measures the whole map.
 */
const LOCAL_REACH = 700;
/** Largest distance (model px) from a node's position to the far edge of its labelled box, with the margin. */
const MAX_EXTENT = 180;

/**
 * Positions for the nodes `ids` (already on the canvas, where they stand does not matter) that overlap no other
 * node: beside their placed neighbours, else around `centre` (place-nodes.ts). Nodes not in `ids` are obstacles
 * and never move. `near` gives a start point per id instead of the neighbours' centroid.
 *
 * When every node has a start known up front (`near`, or a neighbour that stays), the search first stays within
 * LOCAL_REACH of the starts and measures only the nodes that can be in its way; it measures the whole map only
 * if that finds no spot.
 */
export function placeOnCanvas(
  cy: Core,
  ids: readonly string[],
  centre: Point,
  measure: Measure,
  near: ReadonlyMap<string, Point> = new Map(),
): Map<string, Point> {
  const moving = new Set(ids);
  const all = cy.nodes('[kind]') as NodeCollection;
  const placed = new Map<string, Point>();
  all.forEach((n) => void (moving.has(n.id()) || placed.set(n.id(), { ...n.position() })));
  const nodes = ids.map((id) => cy.getElementById(id) as NodeSingular).filter((n) => n.nonempty());
  const movingNodes = all.filter((n) => moving.has(n.id())) as NodeCollection;
  const starts = nodes.map(
    (n) =>
      near.get(n.id()) ??
      centroid(
        n.neighborhood('node').map((m) => m.id()),
        placed,
      ),
  );
  const run = (pool: NodeCollection, maxRadius?: number, failed?: Set<string>) =>
    measure(
      () => {
        const obstacles: Box[] = [];
        pool.forEach((n) => void (moving.has(n.id()) || obstacles.push(labelledBox(n))));
        const items: PlaceItem[] = nodes.map((n) => {
          const b = labelledBox(n);
          const p = n.position();
          return {
            id: n.id(),
            extent: { left: p.x - b.x1, right: b.x2 - p.x, top: p.y - b.y1, bottom: b.y2 - p.y },
            neighbours: n.neighborhood('node').map((m) => m.id()),
            near: near.get(n.id()),
          };
        });
        return placeNodes(items, { obstacles, placed, centre, margin: PLACE_MARGIN, maxRadius, failed });
      },
      pool.union(movingNodes) as NodeCollection,
    );
  if (starts.every((s): s is Point => s !== null)) {
    const failed = new Set<string>();
    const out = run(around(all, starts), LOCAL_REACH, failed);
    if (failed.size === 0) return out;
  }
  return run(all);
}

/** A free spot for a node not created yet, of size {@link NEW_NODE_EXTENT}: beside `anchor`, or around `centre`. */
export function freeSpotOnCanvas(cy: Core, anchorId: string | null, centre: Point, measure: Measure): Point {
  const all = cy.nodes('[kind]') as NodeCollection;
  const anchor = anchorId ? cy.getElementById(anchorId) : null;
  const start = anchor && anchor.nonempty() ? { ...(anchor as NodeSingular).position() } : centre;
  const run = (pool: NodeCollection, maxRadius?: number, failed?: Set<string>) =>
    measure(() => {
      const spot = placeNodes([{ id: '', extent: NEW_NODE_EXTENT, neighbours: [], near: start }], {
        obstacles: pool.map(labelledBox),
        placed: new Map(),
        centre,
        margin: PLACE_MARGIN,
        maxRadius,
        failed,
      });
      return spot.get('')!;
    }, pool);
  const failed = new Set<string>();
  const local = run(around(all, [start]), LOCAL_REACH, failed);
  return failed.size === 0 ? local : run(all);
}

/** The nodes whose labelled box can reach within LOCAL_REACH of one of `starts`. */
function around(nodes: NodeCollection, starts: readonly Point[]): NodeCollection {
  const r = LOCAL_REACH + 2 * MAX_EXTENT;
  return nodes.filter((n) => {
    const p = n.position();
    return starts.some((s) => Math.abs(p.x - s.x) <= r && Math.abs(p.y - s.y) <= r);
  }) as NodeCollection;
}
