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
import { placeNodes, type Box, type PlaceItem, type Point } from './place-nodes';

/** Runs `fn` with every label drawn at its base size (or as the canvas is, when there is no level of detail). */
export type Measure = <T>(fn: () => T) => T;

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
      return {
        id: n.id(),
        kind: n.data('kind') as string,
        size,
        w: b.x2 - b.x1,
        h: b.y2 - b.y1,
        cx: p.x - b.x1,
        cy: p.y - b.y1,
        x: p.x,
        y: p.y,
      };
    });
  return boxes ? measure(read) : read();
}

/**
 * Positions for the nodes `ids` (already on the canvas, where they stand does not matter) that overlap no other
 * node: beside their placed neighbours, else around `centre` (place-nodes.ts). Nodes not in `ids` are obstacles
 * and never move. `near` gives a start point per id instead of the neighbours' centroid.
 */
export function placeOnCanvas(
  cy: Core,
  ids: readonly string[],
  centre: Point,
  measure: Measure,
  near: ReadonlyMap<string, Point> = new Map(),
): Map<string, Point> {
  const moving = new Set(ids);
  return measure(() => {
    const obstacles: Box[] = [];
    const placed = new Map<string, Point>();
    cy.nodes().forEach((n) => {
      if (moving.has(n.id())) return;
      obstacles.push(labelledBox(n));
      placed.set(n.id(), { ...n.position() });
    });
    const items: PlaceItem[] = [];
    for (const id of ids) {
      const n = cy.getElementById(id) as NodeSingular;
      if (n.empty()) continue;
      const b = labelledBox(n);
      const p = n.position();
      items.push({
        id,
        extent: { left: p.x - b.x1, right: b.x2 - p.x, top: p.y - b.y1, bottom: b.y2 - p.y },
        neighbours: n.neighborhood('node').map((m) => m.id()),
        near: near.get(id),
      });
    }
    return placeNodes(items, { obstacles, placed, centre, margin: PLACE_MARGIN });
  });
}

/** A free spot for a node not created yet, of size {@link NEW_NODE_EXTENT}: beside `anchor`, or around `centre`. */
export function freeSpotOnCanvas(cy: Core, anchorId: string | null, centre: Point, measure: Measure): Point {
  return measure(() => {
    const obstacles = cy.nodes().map(labelledBox);
    const anchor = anchorId ? cy.getElementById(anchorId) : null;
    const start = anchor && anchor.nonempty() ? { ...(anchor as NodeSingular).position() } : centre;
    const spot = placeNodes([{ id: '', extent: NEW_NODE_EXTENT, neighbours: [], near: start }], {
      obstacles,
      placed: new Map(),
      centre,
      margin: PLACE_MARGIN,
    });
    return spot.get('')!;
  });
}
