/// <reference lib="webworker" />
/**
 * Computes layouts off the UI thread: a headless Cytoscape instance with the same extensions runs the layout
 * and posts back the positions, which the engine then applies in one batch (TECH-NOTES: force layouts are the
 * bottleneck, seconds to minutes on thousands of nodes).
 */
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import dagre from 'cytoscape-dagre';
import { hopDistances, layoutOptions, type LayoutRequest, type LayoutResponse } from './layout-options';

cytoscape.use(fcose);
cytoscape.use(dagre);

self.onmessage = (e: MessageEvent<LayoutRequest>) => {
  const req = e.data;
  try {
    const cy = cytoscape({
      headless: true,
      styleEnabled: true,
      elements: [
        ...req.nodes.map((n) => ({
          group: 'nodes' as const,
          data: n,
          position: { x: n.x ?? 0, y: n.y ?? 0 },
        })),
        ...req.edges.map((ed) => ({ group: 'edges' as const, data: ed })),
      ],
      style: [{ selector: 'node', style: { width: 'data(size)', height: 'data(size)' } }],
    });
    const hops = req.centreId ? hopDistances(req.centreId, req.edges) : undefined;
    const layout = cy.layout(layoutOptions(req.name, req.nodes.length, hops));
    layout.on('layoutstop', () => {
      const positions = cy.nodes().map((n) => ({ id: n.id(), x: n.position('x'), y: n.position('y') }));
      const res: LayoutResponse = { id: req.id, positions };
      self.postMessage(res);
      cy.destroy();
    });
    layout.run();
  } catch (err) {
    const res: LayoutResponse = {
      id: req.id,
      positions: [],
      error: err instanceof Error ? err.message : String(err),
    };
    self.postMessage(res);
  }
};
