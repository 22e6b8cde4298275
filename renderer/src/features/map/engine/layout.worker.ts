/// <reference lib="webworker" />
/**
 * Computes layouts off the UI thread and posts back the positions, which the engine then applies in one batch
 * (TECH-NOTES: force layouts are the bottleneck, seconds to minutes on thousands of nodes). Force, tidy and
 * concentric run on a headless Cytoscape instance with fCoSE; the hierarchical layout runs ELK
 * (hierarchical-layout.ts).
 *
 * Deterministic (issue #6): elements are sorted by id, `Math.random` is mulberry32 seeded from the node ids for
 * the duration of a run, and layout-base's own sine-based generator, whose counter would otherwise carry over
 * from one run to the next in this long-lived worker, is reset to its initial seed.
 */
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import layoutBase from 'layout-base';
import {
  hopDistances,
  layoutOptions,
  sortedRequest,
  type LayoutRequest,
  type LayoutResponse,
} from './layout-options';
import { seedFrom, withSeededRandom } from './seeded-random';

cytoscape.use(fcose);

/** Answers one layout request. */
async function onLayoutRequest(e: MessageEvent<LayoutRequest>): Promise<void> {
  const req = sortedRequest(e.data);
  let res: LayoutResponse;
  try {
    // ELK (1.5 MB) loads with the first hierarchical layout only.
    const positions = req.job === 'hierarchical' ? await hierarchical(req) : runCytoscapeLayout(req);
    res = { id: req.id, positions };
  } catch (err) {
    res = { id: req.id, positions: [], error: err instanceof Error ? err.message : String(err) };
  }
  self.postMessage(res);
}

self.onmessage = onLayoutRequest;

/**
 * The hierarchical layout. Loading `elkjs/lib/elk.bundled.js` inside a worker installs ELK's own worker
 * dispatcher as `self.onmessage` (elk.bundled.js: `if (typeof document === 'undefined' && typeof self !==
 * 'undefined') self.onmessage = …`), after which every later request would go to ELK and never be answered:
 * the handler is put back after every hierarchical layout.
 */
async function hierarchical(req: LayoutRequest): Promise<Array<{ id: string; x: number; y: number }>> {
  const { hierarchicalLayout } = await import('./hierarchical-layout');
  try {
    return await hierarchicalLayout(req.nodes, req.edges, { aspect: req.aspect });
  } finally {
    // ELK's module and its first instance (a fake worker made on the first layout) each take the handler.
    self.onmessage = onLayoutRequest;
  }
}

/** Force, tidy or concentric on a headless Cytoscape; `tidy` answers only the movable nodes. */
function runCytoscapeLayout(req: LayoutRequest): Array<{ id: string; x: number; y: number }> {
  const job = req.job as Exclude<LayoutRequest['job'], 'hierarchical'>;
  const movable = new Set(req.movable ?? []);
  const fixed =
    job === 'tidy'
      ? req.nodes
          .filter((n) => !movable.has(n.id))
          .map((n) => ({ nodeId: n.id, position: { x: n.x, y: n.y } }))
      : undefined;
  layoutBase.RandomSeed.seed = 1;
  return withSeededRandom(seedFrom(req.nodes.map((n) => n.id)), () => {
    const cy = cytoscape({
      headless: true,
      styleEnabled: true,
      elements: [
        ...req.nodes.map((n) => ({
          group: 'nodes' as const,
          data: { id: n.id, kind: n.kind, size: n.size },
          position: { x: n.x, y: n.y },
        })),
        ...req.edges.map((ed) => ({ group: 'edges' as const, data: ed })),
      ],
      style: [{ selector: 'node', style: { width: 'data(size)', height: 'data(size)' } }],
    });
    try {
      const hops = req.centreId ? hopDistances(req.centreId, req.edges) : undefined;
      let done = false;
      const layout = cy.layout(layoutOptions(job, req.nodes.length, hops, fixed));
      layout.one('layoutstop', () => (done = true));
      // With `animate: false` fCoSE and concentric finish inside run(); the seeded Math.random is only
      // swapped in for that call.
      layout.run();
      if (!done) throw new Error(`layout ${job} did not finish synchronously`);
      const nodes = job === 'tidy' ? cy.nodes().filter((n) => movable.has(n.id())) : cy.nodes();
      return nodes.map((n) => ({ id: n.id(), x: n.position('x'), y: n.position('y') }));
    } finally {
      cy.destroy();
    }
  });
}
