/**
 * GraphEngine owns one Cytoscape instance and offers the map a small typed API (STYLE.md: imperative engines
 * live outside React, like Excalidraw's Scene and tldraw's Editor). `cy` never goes into React state.
 *
 * - `setGraph` diffs by element id inside one `cy.batch`: only added, removed and changed elements are touched.
 * - Layouts run in a Web Worker (layout.worker.ts) and come back as positions, applied in one batch.
 * - Every `on(...)` returns its own unsubscribe; nothing calls `removeAllListeners` (cytoscape-web's bug list).
 */
import cytoscape, { type Core, type ElementDefinition, type EventObject, type NodeSingular } from 'cytoscape';
import edgehandles from 'cytoscape-edgehandles';
import type { EdgeDto, EdgeKind, GraphDto, NodeDto, NodeKind } from '../../../../../preload/contract';
import { allowedEdgeKinds } from '../../../../../preload/contract';
import { KIND_STYLE, stylesheet, type Theme } from './styles';
import type { LayoutName, LayoutRequest, LayoutResponse } from './layout-options';

// Layout extensions (fcose, dagre) are registered in the layout worker only, where layouts run; SVG export
// loads cytoscape-svg on first use. Both keep the start-up bundle small (measured by bench:map).
let registered = false;
function registerExtensions(): void {
  if (registered) return;
  cytoscape.use(edgehandles);
  registered = true;
}

let svgRegistered: Promise<void> | null = null;
function registerSvg(): Promise<void> {
  svgRegistered ??= import('cytoscape-svg').then((m) => cytoscape.use(m.default));
  return svgRegistered;
}

/** Events the engine emits. */
export interface EngineEvents {
  /** Selection changed: the selected node id, or null. */
  select: string | null;
  /** Nodes were moved by the user or a layout: their new model positions. */
  positions: Array<{ id: string; x: number; y: number }>;
  /** The user drew a connection from one node to another (not yet stored). */
  connect: { source: string; target: string; clientX: number; clientY: number };
  /** Right-click on a node (id) or the background (null), in client coordinates and model coordinates. */
  contextmenu: { nodeId: string | null; clientX: number; clientY: number; modelX: number; modelY: number };
  /**
   * A frame was painted after the elements changed: counts of visible elements, ms since `setGraph`, and the
   * time of the paint (`performance.now()`, ms since navigation start).
   */
  painted: { nodes: number; edges: number; ms: number; at: number };
  /** A layout started (true) or finished (false). */
  layouting: boolean;
}

type Handler<K extends keyof EngineEvents> = (payload: EngineEvents[K]) => void;

export interface EngineOptions {
  theme: Theme;
  /** Cytoscape's WebGL renderer (3.31+): faster on real GPUs, slower under software GL (TECH-NOTES). */
  webgl: boolean;
  /** Translated label of an edge kind, shown on hovered and selected edges. */
  edgeLabel: (kind: EdgeKind) => string;
}

export class GraphEngine {
  /** Engines constructed and not yet destroyed; a remount must leave exactly one (tests read it). */
  static alive = 0;
  readonly cy: Core;
  private readonly handlers = new Map<keyof EngineEvents, Set<Handler<never>>>();
  private readonly eh: { enableDrawMode(): void; disableDrawMode(): void; destroy(): void };
  private worker: Worker | null = null;
  private layoutSeq = 0;
  private paintStart = 0;
  private awaitingPaint = false;
  private edgeLabel: (kind: EdgeKind) => string;
  private fadeOthers = true;

  constructor(container: HTMLElement, options: EngineOptions) {
    registerExtensions();
    this.edgeLabel = options.edgeLabel;
    this.cy = cytoscape({
      container,
      style: stylesheet(options.theme),
      layout: { name: 'preset' },
      minZoom: 0.02,
      maxZoom: 4,
      boxSelectionEnabled: false,
      selectionType: 'single',
      // Cytoscape 3.31+ option, not yet in its type definitions.
      ...({ renderer: { name: 'canvas', webgl: options.webgl } } as object),
    });
    this.eh = (this.cy as unknown as { edgehandles(o: object): GraphEngine['eh'] }).edgehandles({
      canConnect: (s: NodeSingular, t: NodeSingular) =>
        s.id() !== t.id() &&
        allowedEdgeKinds(s.data('kind') as NodeKind, t.data('kind') as NodeKind).length > 0,
      edgeParams: () => ({ data: { kind: 'related', preview: true } }),
      hoverDelay: 0,
      snap: true,
      snapThreshold: 20,
      noEdgeEventsInDraw: true,
      disableBrowserGestures: true,
    });
    this.wire();
    GraphEngine.alive++;
  }

  /** Subscribes to an engine event; returns its own unsubscribe. */
  on<K extends keyof EngineEvents>(event: K, handler: Handler<K>): () => void {
    const set = this.handlers.get(event) ?? this.handlers.set(event, new Set()).get(event)!;
    set.add(handler as Handler<never>);
    return () => set.delete(handler as Handler<never>);
  }

  private emit<K extends keyof EngineEvents>(event: K, payload: EngineEvents[K]): void {
    for (const h of this.handlers.get(event) ?? []) (h as Handler<K>)(payload);
  }

  private wire(): void {
    const cy = this.cy;
    cy.on('select unselect', 'node', () => {
      const sel = cy.$('node:selected');
      this.highlight(sel.length ? (sel[0] as NodeSingular) : null);
      this.emit('select', sel.length ? (sel[0] as NodeSingular).id() : null);
    });
    cy.on('dragfree', 'node', (e: EventObject) => {
      const moved = (e.target as NodeSingular).union(cy.$('node:selected')).nodes();
      this.emit(
        'positions',
        moved.map((n) => ({ id: n.id(), x: n.position('x'), y: n.position('y') })),
      );
    });
    cy.on('mouseover', 'edge', (e) => e.target.addClass('hover'));
    cy.on('mouseout', 'edge', (e) => e.target.removeClass('hover'));
    cy.on('cxttap', (e: EventObject) => {
      const oe = e.originalEvent as MouseEvent;
      const nodeId =
        e.target !== cy && (e.target as NodeSingular).isNode?.() ? (e.target as NodeSingular).id() : null;
      this.emit('contextmenu', {
        nodeId,
        clientX: oe.clientX,
        clientY: oe.clientY,
        modelX: e.position.x,
        modelY: e.position.y,
      });
    });
    cy.on('ehcomplete', (e: EventObject, ...extra: unknown[]) => {
      const [source, target, added] = extra as [NodeSingular, NodeSingular, cytoscape.EdgeSingular];
      added.remove();
      const oe = (e.originalEvent ?? {}) as Partial<MouseEvent>;
      const rp = target.renderedPosition();
      const box = cy.container()!.getBoundingClientRect();
      this.emit('connect', {
        source: source.id(),
        target: target.id(),
        clientX: oe.clientX ?? box.left + rp.x,
        clientY: oe.clientY ?? box.top + rp.y,
      });
    });
    cy.on('render', () => {
      if (!this.awaitingPaint) return;
      this.awaitingPaint = false;
      const c = this.counts();
      const at = performance.now();
      this.emit('painted', { ...c, ms: at - this.paintStart, at });
    });
  }

  /** Shows `graph`: adds, removes and updates elements by id in one batch; keeps positions of kept nodes. */
  setGraph(graph: GraphDto): void {
    const cy = this.cy;
    this.paintStart = performance.now();
    this.awaitingPaint = true;
    const wantNodes = new Map(graph.nodes.map((n) => [n.id, n]));
    const wantEdges = new Map(graph.edges.map((e) => [e.id, e]));
    const degree = new Map<string, number>();
    for (const e of graph.edges) {
      degree.set(e.source, (degree.get(e.source) ?? 0) + 1);
      degree.set(e.target, (degree.get(e.target) ?? 0) + 1);
    }
    cy.batch(() => {
      cy.elements().forEach((el) => {
        const id = el.id();
        if (!(el.isNode() ? wantNodes.has(id) : wantEdges.has(id))) el.remove();
      });
      const add: ElementDefinition[] = [];
      for (const n of graph.nodes) {
        const data = this.nodeData(n, degree.get(n.id) ?? 0);
        const existing = cy.getElementById(n.id);
        if (existing.nonempty()) {
          existing.data(data);
          continue;
        }
        const el: ElementDefinition = { group: 'nodes', data };
        if (n.x !== null && n.y !== null) el.position = { x: n.x, y: n.y };
        add.push(el);
      }
      for (const e of graph.edges) {
        if (cy.getElementById(e.id).nonempty()) cy.getElementById(e.id).data(this.edgeData(e));
        else add.push({ group: 'edges', data: this.edgeData(e) });
      }
      if (add.length) cy.add(add);
      const big = graph.nodes.length > 2000;
      const r = (cy as unknown as { renderer(): unknown }).renderer() as {
        hideEdgesOnViewport?: boolean;
        textureOnViewport?: boolean;
      } | null;
      if (r) {
        r.hideEdgesOnViewport = big;
        r.textureOnViewport = big;
      }
    });
    const sel = cy.$('node:selected');
    this.highlight(sel.length ? (sel[0] as NodeSingular) : null);
  }

  /** Ids of nodes that have no stored position (they need a layout). */
  unplacedIds(graph: GraphDto): string[] {
    return graph.nodes.filter((n) => n.x === null || n.y === null).map((n) => n.id);
  }

  private nodeData(n: NodeDto, degree: number) {
    const base = KIND_STYLE[n.kind].size;
    return {
      id: n.id,
      label: n.label,
      kind: n.kind,
      form: n.kind === 'knowledge' ? n.props.form : undefined,
      aliases: n.aliases.join(' '),
      size: Math.round(base + Math.min(24, Math.sqrt(degree) * 3)),
    };
  }

  private edgeData(e: EdgeDto) {
    return { id: e.id, source: e.source, target: e.target, kind: e.kind, kindLabel: this.edgeLabel(e.kind) };
  }

  /** Fades everything but the selected node's neighbourhood (not in an ego graph, which is all neighbourhood). */
  private highlight(node: NodeSingular | null): void {
    // Nothing highlighted and nothing to highlight: skip a pass over every element (bench:map, 10k nodes).
    if (!node && this.cy.$('.faded, .neighbourhood').empty()) return;
    this.cy.batch(() => {
      this.cy.elements().removeClass('faded neighbourhood');
      if (!node) return;
      const hood = node.closedNeighborhood();
      if (this.fadeOthers) this.cy.elements().not(hood).addClass('faded');
      hood.edges().addClass('neighbourhood');
    });
  }

  /** Whether selecting a node fades the rest of the map (off while an ego graph is shown). */
  setFadeOthers(on: boolean): void {
    this.fadeOthers = on;
    const sel = this.cy.$('node:selected');
    this.highlight(sel.length ? (sel[0] as NodeSingular) : null);
  }

  /**
   * Runs a layout in the worker and applies the positions; resolves with them. Emitted as `positions` (to be
   * stored) unless `centreId` is given: an ego graph's rings around its centre are a temporary view.
   */
  async runLayout(name: LayoutName, centreId?: string): Promise<Array<{ id: string; x: number; y: number }>> {
    const cy = this.cy;
    const req: LayoutRequest = {
      id: ++this.layoutSeq,
      name,
      centreId,
      nodes: cy
        .nodes()
        .map((n) => ({ id: n.id(), kind: n.data('kind') as string, size: n.data('size') as number })),
      edges: cy.edges().map((e) => ({
        id: e.id(),
        source: e.data('source'),
        target: e.data('target'),
        kind: e.data('kind'),
      })),
    };
    this.emit('layouting', true);
    try {
      const res = await this.inWorker(req);
      if (res.error) throw new Error(res.error);
      if (res.id !== this.layoutSeq) return [];
      cy.batch(() => {
        for (const p of res.positions) cy.getElementById(p.id).position({ x: p.x, y: p.y });
      });
      this.fit();
      if (!centreId) this.emit('positions', res.positions);
      return res.positions;
    } finally {
      this.emit('layouting', false);
    }
  }

  private inWorker(req: LayoutRequest): Promise<LayoutResponse> {
    this.worker ??= new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
    const worker = this.worker;
    return new Promise((resolve, reject) => {
      const onMessage = (e: MessageEvent<LayoutResponse>) => {
        if (e.data.id !== req.id) return;
        worker.removeEventListener('message', onMessage);
        worker.removeEventListener('error', onError);
        resolve(e.data);
      };
      const onError = (e: ErrorEvent) => {
        worker.removeEventListener('message', onMessage);
        worker.removeEventListener('error', onError);
        reject(new Error(e.message));
      };
      worker.addEventListener('message', onMessage);
      worker.addEventListener('error', onError);
      worker.postMessage(req);
    });
  }

  /** Fits every element into view with a margin (px). */
  fit(padding = 40): void {
    this.cy.fit(undefined, padding);
  }

  /** Selects a node and centres the view on it (animated unless `instant`). */
  focusNode(id: string, instant = false): boolean {
    const node = this.cy.getElementById(id);
    if (node.empty()) return false;
    this.cy.$(':selected').unselect();
    node.select();
    node.flashClass('found', 1500);
    const zoom = Math.max(this.cy.zoom(), 1.1);
    if (instant) {
      this.cy.zoom(zoom);
      this.cy.center(node);
    } else this.cy.animate({ center: { eles: node }, zoom }, { duration: 250 });
    return true;
  }

  /** Clears the selection. */
  unselect(): void {
    this.cy.$(':selected').unselect();
  }

  /** The centre of the viewport in model coordinates. */
  viewportCentre(): { x: number; y: number } {
    const ext = this.cy.extent();
    return { x: (ext.x1 + ext.x2) / 2, y: (ext.y1 + ext.y2) / 2 };
  }

  /** Counts of elements on screen (not hidden). */
  counts(): { nodes: number; edges: number } {
    return { nodes: this.cy.nodes(':visible').length, edges: this.cy.edges(':visible').length };
  }

  /** Turns drag-to-connect drawing on or off (when on, dragging from a node draws an edge instead of moving it). */
  setConnectMode(on: boolean): void {
    if (on) this.eh.enableDrawMode();
    else this.eh.disableDrawMode();
  }

  setTheme(theme: Theme): void {
    this.cy.style(stylesheet(theme));
  }

  /** Re-labels edges after a language switch. */
  setEdgeLabel(edgeLabel: (kind: EdgeKind) => string): void {
    this.edgeLabel = edgeLabel;
    this.cy.batch(() => this.cy.edges().forEach((e) => void e.data('kindLabel', edgeLabel(e.data('kind')))));
  }

  /** PNG of the whole map as a data: URL, at 2× resolution on the theme's background. */
  exportPng(background: string): string {
    return this.cy.png({ full: true, scale: 2, bg: background, output: 'base64uri' }) as string;
  }

  /** SVG of the whole map (cytoscape-svg, loaded on first use). */
  async exportSvg(background: string): Promise<string> {
    await registerSvg();
    return (this.cy as unknown as { svg(o: object): string }).svg({ full: true, scale: 1, bg: background });
  }

  /** Releases the Cytoscape instance, the edge handles and the layout worker. */
  destroy(): void {
    this.handlers.clear();
    this.eh.destroy();
    this.worker?.terminate();
    this.worker = null;
    this.cy.destroy();
    GraphEngine.alive--;
  }
}
