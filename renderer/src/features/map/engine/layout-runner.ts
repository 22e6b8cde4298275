/**
 * The engine's side of the layout worker (layout.worker.ts): builds a request from the canvas, runs it in one
 * worker per engine (started on the first layout) and applies the answer in one batch. A counter keeps only the
 * newest layout: the answer to an older request still running is dropped.
 */
import type { Core, NodeCollection } from 'cytoscape';
import { layoutNodes, type Measure } from './canvas-placement';
import type { LayoutName, LayoutRequest, LayoutResponse } from './layout-options';

/** A position answered by the worker (model px). */
export type Placed = { id: string; x: number; y: number };

/** How far around the selection (model px) nodes take part in "tidy selection" as fixed context. */
const TIDY_REACH = 300;

/** Runs an engine's layouts in its own worker and applies them to its canvas (one per GraphEngine). */
export class LayoutRunner {
  private worker: Worker | null = null;
  private seq = 0;

  /**
   * @param measure runs a function with every label at its base size (labelled boxes for the hierarchical layout).
   * @param busy told when a layout starts (true) and ends (false).
   */
  constructor(
    private readonly cy: Core,
    private readonly measure: Measure,
    private readonly busy: (on: boolean) => void,
  ) {}

  /**
   * Lays out every node with `name` (an ego graph's rings around `centreId`) and applies the positions.
   * @returns the positions, or null when a newer layout superseded this one.
   * @throws Error when the worker fails.
   */
  async full(name: LayoutName, centreId?: string): Promise<Placed[] | null> {
    const cy = this.cy;
    const nodes = cy.nodes('[kind]') as NodeCollection;
    return this.run({
      id: ++this.seq,
      job: name,
      centreId,
      // The hierarchical layout packs its trees towards the canvas's shape, within 1:2 … 2:1.
      aspect: Math.min(2, Math.max(0.5, cy.width() / Math.max(1, cy.height()))),
      nodes: layoutNodes(nodes, this.measure, name === 'hierarchical'),
      edges: edgesAmong(nodes),
    });
  }

  /**
   * Lays out `selection` with fCoSE while every other node stays put (its `fixedNodeConstraint`). Only the
   * selection's neighbours and the nodes within TIDY_REACH of it take part, as fixed context, so the run stays
   * small on a big map. Applies the selection's new positions only.
   * @returns them, or null when a newer layout superseded this one.
   * @throws Error when the worker fails.
   */
  async tidy(selection: NodeCollection): Promise<Placed[] | null> {
    const bb = selection.boundingBox({});
    const near = this.cy.nodes('[kind]').filter((n) => {
      const p = n.position();
      return (
        p.x > bb.x1 - TIDY_REACH &&
        p.x < bb.x2 + TIDY_REACH &&
        p.y > bb.y1 - TIDY_REACH &&
        p.y < bb.y2 + TIDY_REACH
      );
    });
    const nodes = selection.union(near).union(selection.neighborhood('node')) as NodeCollection;
    const movable = selection.map((n) => n.id());
    return this.run(
      {
        id: ++this.seq,
        job: 'tidy',
        movable,
        nodes: layoutNodes(nodes, this.measure, false),
        edges: edgesAmong(nodes),
      },
      new Set(movable),
    );
  }

  /** Stops the worker (a running layout is abandoned). */
  destroy(): void {
    this.worker?.terminate();
    this.worker = null;
  }

  /** Runs `req` and applies the answer in one batch (only the ids in `only`, if given). */
  private async run(req: LayoutRequest, only?: ReadonlySet<string>): Promise<Placed[] | null> {
    const cy = this.cy;
    this.busy(true);
    try {
      const res = await this.post(req);
      if (res.error) throw new Error(res.error);
      if (res.id !== this.seq || cy.destroyed()) return null;
      const positions = only ? res.positions.filter((p) => only.has(p.id)) : res.positions;
      cy.batch(() => {
        for (const p of positions) cy.getElementById(p.id).position({ x: p.x, y: p.y });
      });
      return positions;
    } finally {
      this.busy(false);
    }
  }

  /** Sends `req` to the worker; rejects when the worker fails to load or throws outside its own handling. */
  private post(req: LayoutRequest): Promise<LayoutResponse> {
    this.worker ??= new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
    const worker = this.worker;
    return new Promise((resolve, reject) => {
      const done = () => {
        worker.removeEventListener('message', onMessage);
        worker.removeEventListener('error', onError);
      };
      const onMessage = (e: MessageEvent<LayoutResponse>) => {
        if (e.data.id !== req.id) return;
        done();
        resolve(e.data);
      };
      const onError = (e: ErrorEvent) => {
        done();
        reject(new Error(e.message));
      };
      worker.addEventListener('message', onMessage);
      worker.addEventListener('error', onError);
      worker.postMessage(req);
    });
  }
}

/** Edges among `nodes` for a layout request (edge handles' preview edges left out). */
function edgesAmong(nodes: NodeCollection): LayoutRequest['edges'] {
  return nodes
    .connectedEdges('[!preview]')
    .filter((e) => nodes.contains(e.source()) && nodes.contains(e.target()))
    .map((e) => ({
      id: e.id(),
      source: e.data('source') as string,
      target: e.data('target') as string,
      kind: e.data('kind') as string,
    }));
}
