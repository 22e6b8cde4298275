/**
 * GraphEngine owns one Cytoscape instance and offers the map a small typed API (STYLE.md: imperative engines
 * live outside React, like Excalidraw's Scene and tldraw's Editor). `cy` never goes into React state.
 *
 * - `setGraph` diffs by element id inside one `cy.batch`: only added, removed and changed elements are touched.
 *   It never moves a node the user did not ask to move: new nodes without a position are placed beside their
 *   neighbours (canvas-placement.ts), and a stored position is applied only when it changed elsewhere
 *   (stored-positions.ts) or when the caller resets to stored positions (issue #6).
 * - Layouts run in a Web Worker (layout-runner.ts, layout.worker.ts) and come back as positions, applied in one
 *   batch; in a filtered or ego view (`setScope('subset')`) they are temporary and nothing is emitted to store.
 * - One engine per view: each takes its stylesheet and element mapping as options (the map's by default).
 * - Every `on(...)` returns its own unsubscribe; nothing calls `removeAllListeners` (cytoscape-web's bug list).
 */
import cytoscape, {
  type Core,
  type ElementDefinition,
  type EventObject,
  type NodeCollection,
  type NodeSingular,
  type StylesheetJson,
} from 'cytoscape';
import edgehandles from 'cytoscape-edgehandles';
import type {
  EdgeKind,
  MapEdgeDto,
  MapGraphDto,
  MapNodeDto,
  NodeKind,
} from '../../../../../preload/contract';
import { allowedEdgeKinds } from '../../../../../preload/contract';
import { KIND_STYLE, stylesheet, type Theme } from './styles';
import type { LayoutName } from './layout-options';
import { LayoutRunner, type Placed } from './layout-runner';
import { freeSpotOnCanvas, labelledBox, placeOnCanvas, type Measure } from './canvas-placement';
import type { Point } from './place-nodes';
import { StoredPositions } from './stored-positions';
import { LevelOfDetail } from './level-of-detail';
import { displayLabel, englishName, type LabelMode } from './node-label';
import {
  composePng,
  composeSvg,
  ensureSvgExport,
  legendEntries,
  type ExportDecor,
  type ExportFrame,
  type LegendEntry,
  type ShownElements,
} from './export-image';
import type { EngineEvents, EngineOptions, EngineScope, Insets, PositionReason } from './engine-types';
import { fitViewport, zoomViewport } from './viewport';
import { cameraOf, canvasSizeOf, moveCamera, type CameraState } from './viewport';

// Layout extensions (fcose) and ELK are loaded in the layout worker only, where layouts run; SVG export
// loads cytoscape-svg on first use. Both keep the start-up bundle small (measured by bench:map).
let registered = false;
function registerExtensions(): void {
  if (registered) return;
  cytoscape.use(edgehandles);
  registered = true;
}

export type { EngineEvents, EngineOptions, EngineScope, Insets, PositionReason } from './engine-types';

type Handler<K extends keyof EngineEvents> = (payload: EngineEvents[K]) => void;

export class GraphEngine {
  /** Engines constructed and not yet destroyed; a remount must leave exactly one (tests read it). */
  static alive = 0;
  readonly cy: Core;
  private readonly handlers = new Map<keyof EngineEvents, Set<Handler<never>>>();
  private readonly eh: { enableDrawMode(): void; disableDrawMode(): void; destroy(): void };
  private readonly layouts: LayoutRunner;
  /** A layout is running; the map has been painted at least once (idle()). */
  private layingOut = false;
  private painted = false;
  private readonly styleFor: (theme: Theme) => StylesheetJson;
  private readonly toNodeData: (node: MapNodeDto, degree: number) => Record<string, unknown>;
  private readonly toEdgeData: (edge: MapEdgeDto) => Record<string, unknown>;
  private scope: EngineScope = 'whole';
  /** Positions on the canvas come from a temporary layout (not stored): drags are not stored either. */
  private temporary = false;
  /** Stored positions as this engine knows them, echoes of its own saves, and provisionally placed nodes. */
  private readonly stored = new StoredPositions();
  /** What setGraph last applied per node (the object and its degree) and per edge, to skip unchanged ones. */
  private readonly shown = new Map<string, { node: MapNodeDto; degree: number }>();
  private readonly shownEdges = new Map<string, MapEdgeDto>();
  private selectionPending = false;
  private lastSelected: string | null = null;
  private dragPending = new Set<string>();
  private paintStart = 0;
  private awaitingPaint = false;
  private edgeLabel: (kind: EdgeKind) => string;
  /** Translated edge-kind labels, one lookup per kind (i18next per edge cost ~0.1 s at 20k edges). */
  private edgeLabels = new Map<EdgeKind, string>();
  private fadeOthers = true;
  private readonly lod: LevelOfDetail;
  private labelMode: LabelMode = 'zh';
  /** Zoom level the running zoomBy animation goes to, or null. */
  private zoomTarget: number | null = null;

  constructor(container: HTMLElement, options: EngineOptions) {
    registerExtensions();
    this.edgeLabel = options.edgeLabel;
    this.styleFor = options.stylesheet ?? stylesheet;
    this.toNodeData = options.nodeData ?? ((n, degree) => this.nodeData(n, degree));
    this.toEdgeData = options.edgeData ?? ((e) => this.edgeData(e));
    this.cy = cytoscape({
      container,
      style: this.styleFor(options.theme),
      layout: { name: 'preset' },
      minZoom: 0.02,
      maxZoom: 4,
      // Shift-drag on the background draws a selection box; Shift/Ctrl/Cmd-click adds to the selection
      // (Cytoscape's 'single' type with its modifier keys); a plain drag pans.
      boxSelectionEnabled: true,
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
    this.lod = new LevelOfDetail(this.cy);
    this.layouts = new LayoutRunner(this.cy, this.measure, (on) => {
      this.layingOut = on;
      this.emit('layouting', on);
    });
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
    // A box selection selects many nodes at once: one highlight pass and one event for all of them.
    cy.on('select unselect', 'node', (e: EventObject) => {
      if (e.type === 'select') this.lastSelected = (e.target as NodeSingular).id();
      if (this.selectionPending) return;
      this.selectionPending = true;
      queueMicrotask(() => {
        this.selectionPending = false;
        if (cy.destroyed()) return;
        const sel = cy.$('node:selected') as NodeCollection;
        this.highlight(sel);
        const primary = sel.filter((n) => n.id() === this.lastSelected)[0] ?? sel[0];
        this.emit('select', primary ? primary.id() : null);
      });
    });
    // Dragging a selected node moves the whole selection; Cytoscape reports `dragfree` once per grabbed node.
    cy.on('dragfree', 'node', (e: EventObject) => {
      const target = e.target as NodeSingular;
      const moved = target.selected() ? cy.$('node:selected') : target;
      const first = this.dragPending.size === 0;
      moved.forEach((n) => void this.dragPending.add(n.id()));
      if (!first) return;
      queueMicrotask(() => {
        const ids = [...this.dragPending];
        this.dragPending.clear();
        if (cy.destroyed()) return;
        ids.forEach((id) => this.stored.provisional.delete(id));
        if (this.temporary) return;
        const positions = ids
          .map((id) => cy.getElementById(id))
          .filter((n) => n.nonempty())
          .map((n) => ({ id: n.id(), x: n.position('x'), y: n.position('y') }));
        this.emitPositions(positions, 'move');
      });
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
      this.painted = true;
      this.emit('painted', { ...c, ms: at - this.paintStart, at });
    });
  }

  /**
   * Shows `graph`: adds, removes and updates elements by id in one batch. A node already on the canvas stays
   * where it stands (the stored x/y it comes with may be older than what was just done to it), unless
   * `resetPositions`: then every node goes to its stored position, e.g. when a filter is cleared after a
   * temporary layout, so that the whole map shows exactly what is stored.
   *
   * Nodes without a stored position are placed beside their neighbours, or in free space near the view's centre,
   * without moving any other node (canvas-placement.ts), and emitted as `place` positions; not when `place` is
   * false (an ego graph gets its rings next), and not when no node has a position at all: then `needsLayout` is
   * true and the caller runs a full layout.
   * @returns the ids of the nodes placed, and whether a full layout is needed.
   */
  setGraph(
    graph: MapGraphDto,
    options: { resetPositions?: boolean; place?: boolean } = {},
  ): { placed: string[]; needsLayout: boolean } {
    const { resetPositions = false, place = true } = options;
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
    const unplaced: string[] = [];
    const now = performance.now();
    // A fresh canvas (the first paint): nothing to diff against, so no lookup per element.
    const fresh = cy.elements().empty();
    cy.batch(() => {
      cy.elements().forEach((el) => {
        const id = el.id();
        if (el.isNode() ? wantNodes.has(id) : wantEdges.has(id)) return;
        el.remove();
        this.stored.forget(id);
        this.shown.delete(id);
        this.shownEdges.delete(id);
      });
      const add: ElementDefinition[] = [];
      for (const n of graph.nodes) {
        const deg = degree.get(n.id) ?? 0;
        if (fresh) {
          this.shown.set(n.id, { node: n, degree: deg });
          const stored = n.x !== null && n.y !== null ? { x: n.x, y: n.y } : null;
          this.stored.receive(n.id, stored, now);
          const el: ElementDefinition = { group: 'nodes', data: this.toNodeData(n, deg) };
          if (stored) el.position = stored;
          else unplaced.push(n.id);
          add.push(el);
          continue;
        }
        const existing = cy.getElementById(n.id);
        // The cache patches a change by id and keeps every other node object (api/graph-patch.ts): an object
        // shown before with the same degree needs nothing, which keeps one edit on a 10k-node map cheap.
        const before = this.shown.get(n.id);
        if (!resetPositions && before && before.node === n && before.degree === deg && existing.nonempty())
          continue;
        this.shown.set(n.id, { node: n, degree: deg });
        const data = this.toNodeData(n, deg);
        const stored = n.x !== null && n.y !== null ? { x: n.x, y: n.y } : null;
        const verdict = this.stored.receive(n.id, stored, now);
        if (existing.nonempty()) {
          existing.data(data);
          // Stale: older than what this engine just saved. Changed: an undo, a redo, another window.
          if (verdict === 'stale') continue;
          if (stored && (resetPositions || (verdict === 'changed' && !this.temporary)))
            existing.position(stored);
          else if (resetPositions) unplaced.push(n.id);
          continue;
        }
        const el: ElementDefinition = { group: 'nodes', data };
        if (stored) el.position = stored;
        else unplaced.push(n.id);
        add.push(el);
      }
      for (const e of graph.edges) {
        if (fresh) {
          this.shownEdges.set(e.id, e);
          add.push({ group: 'edges', data: this.toEdgeData(e) });
          continue;
        }
        if (this.shownEdges.get(e.id) === e && cy.getElementById(e.id).nonempty()) continue;
        this.shownEdges.set(e.id, e);
        if (cy.getElementById(e.id).nonempty()) cy.getElementById(e.id).data(this.toEdgeData(e));
        else add.push({ group: 'edges', data: this.toEdgeData(e) });
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
    if (resetPositions) this.temporary = false;
    this.highlight(cy.$('node:selected') as NodeCollection);
    // A node placed alone (say, added through the API before its edge) moves next to its first neighbour.
    const pending = new Set(unplaced);
    for (const id of [...this.stored.provisional]) {
      const n = cy.getElementById(id);
      if (n.empty()) this.stored.provisional.delete(id);
      else if (
        n
          .neighborhood('node')
          .map((m) => m.id())
          .some((m) => !this.stored.provisional.has(m) && !pending.has(m))
      )
        unplaced.push(id);
    }
    if (!place || unplaced.length === 0) return { placed: [], needsLayout: false };
    if (unplaced.length >= cy.nodes('[kind]').length) return { placed: [], needsLayout: true };
    this.placeNodes(unplaced);
    return { placed: unplaced, needsLayout: false };
  }

  /**
   * Places `ids` without moving any other node and emits them as `place` positions, in the whole map only: in a
   * subset the hidden nodes were no obstacles, so the node stays unplaced in storage and is placed again when
   * the whole map shows. A node with no neighbour on the canvas stays provisional: it is placed again beside
   * its first neighbour when one arrives.
   */
  private placeNodes(ids: string[]): void {
    const cy = this.cy;
    const positions = placeOnCanvas(cy, ids, this.viewportCentre(), this.measure);
    cy.batch(() => {
      for (const [id, p] of positions) cy.getElementById(id).position(p);
    });
    for (const id of positions.keys()) {
      if (cy.getElementById(id).neighborhood('node').empty()) this.stored.provisional.add(id);
      else this.stored.provisional.delete(id);
    }
    if (this.temporary || this.scope === 'subset' || positions.size === 0) return;
    this.emitPositions(
      [...positions].map(([id, p]) => ({ id, x: p.x, y: p.y })),
      'place',
    );
  }

  /** Emits positions to be stored and remembers them as the nodes' stored positions. */
  private emitPositions(
    positions: Array<{ id: string; x: number; y: number }>,
    reason: PositionReason,
  ): void {
    this.stored.emitted(positions, performance.now());
    this.emit('positions', { positions, reason });
  }

  /** Runs `fn` with every label drawn at the base size, so that measured boxes do not depend on the zoom. */
  private readonly measure: Measure = (fn, nodes) => (this.lod ? this.lod.withAllLabels(fn, nodes) : fn());

  /**
   * What the canvas shows: the whole map, or a subset (filter, ego graph) whose layouts are temporary. Set it
   * before `setGraph` and before running a layout.
   */
  setScope(scope: EngineScope): void {
    this.scope = scope;
  }

  /** Ids of the selected nodes. */
  selectedIds(): string[] {
    return this.cy.$('node:selected').map((n) => n.id());
  }

  /**
   * A free spot (model px) for a node about to be created: beside `anchorId` (the selected node) without
   * covering it or any other node, or in free space around the view's centre.
   */
  freeSpotNear(anchorId: string | null): Point {
    return freeSpotOnCanvas(this.cy, anchorId, this.viewportCentre(), this.measure);
  }

  /**
   * Every node's box with its label at the base size (model px), as placement sees it: on screen, which labels
   * are drawn and how large depends on the zoom. For tests and the benchmark.
   */
  labelledBoxes(): Array<{ id: string; x1: number; y1: number; x2: number; y2: number }> {
    return this.measure(() => this.cy.nodes('[kind]').map((n) => ({ id: n.id(), ...labelledBox(n) })));
  }

  private nodeData(n: MapNodeDto, degree: number) {
    const base = KIND_STYLE[n.kind].size;
    return {
      id: n.id,
      label: n.label,
      // What the canvas draws (node-label.ts): the name for the label mode, broken into lines.
      display: displayLabel(n.label, n.aliases, this.labelMode),
      enName: englishName(n.label, n.aliases),
      kind: n.kind,
      form: n.kind === 'knowledge' ? n.form : undefined,
      aliases: n.aliases.join(' '),
      size: Math.round(base + Math.min(24, Math.sqrt(degree) * 3)),
    };
  }

  private edgeData(e: MapEdgeDto) {
    let kindLabel = this.edgeLabels.get(e.kind);
    if (kindLabel === undefined) this.edgeLabels.set(e.kind, (kindLabel = this.edgeLabel(e.kind)));
    return { id: e.id, source: e.source, target: e.target, kind: e.kind, kindLabel };
  }

  /** Fades everything but the selected nodes' neighbourhood (not in an ego graph, which is all neighbourhood). */
  private highlight(nodes: NodeCollection): void {
    // Nothing highlighted and nothing to highlight: skip a pass over every element (bench:map, 10k nodes).
    if (nodes.empty() && this.cy.$('.faded, .neighbourhood').empty()) return;
    this.cy.batch(() => {
      this.cy.elements().removeClass('faded neighbourhood');
      if (nodes.empty()) return;
      const hood = nodes.closedNeighborhood();
      if (this.fadeOthers) this.cy.elements().not(hood).addClass('faded');
      hood.edges().addClass('neighbourhood');
    });
  }

  /** Whether selecting a node fades the rest of the map (off while an ego graph is shown). */
  setFadeOthers(on: boolean): void {
    this.fadeOthers = on;
    this.highlight(this.cy.$('node:selected') as NodeCollection);
  }

  /**
   * Runs a full layout in the worker (layout.worker.ts), applies it and fits the view; resolves with the
   * positions (empty when a newer layout superseded this one). Stored as `layout` positions in the whole map;
   * in a subset, and for an ego graph's rings around `centreId`, the layout is temporary: nothing is stored and
   * the next `setGraph(…, { resetPositions: true })` brings back the stored positions. `reason` `place` stores
   * them without an undo step: the first arrangement of a map that had none is not something to undo.
   * @throws Error when the worker fails.
   */
  async runLayout(
    name: LayoutName,
    centreId?: string,
    reason: 'layout' | 'place' = 'layout',
  ): Promise<Placed[]> {
    const temporary = centreId !== undefined || this.scope === 'subset';
    const positions = await this.layouts.full(name, centreId);
    if (!positions) return [];
    this.fit();
    this.temporary = temporary;
    this.stored.provisional.clear();
    if (!temporary) this.emitPositions(positions, reason);
    return positions;
  }

  /**
   * "Tidy selection": lays out the selected nodes with fCoSE while every other node stays where it is
   * (layout-runner.ts). Stored as `layout` positions of the selected nodes only (temporary in a subset).
   * @returns the selected nodes' new positions; empty when fewer than two nodes are selected.
   * @throws Error when the worker fails.
   */
  async tidySelection(): Promise<Placed[]> {
    const sel = this.cy.$('node:selected[kind]') as NodeCollection;
    if (sel.length < 2) return [];
    const positions = await this.layouts.tidy(sel);
    if (!positions) return [];
    sel.forEach((n) => void this.stored.provisional.delete(n.id()));
    if (this.scope === 'subset') this.temporary = true;
    else if (!this.temporary) this.emitPositions(positions, 'layout');
    return positions;
  }

  /** Fits every element into view with a margin (px); `animate` eases there in 300 ms. */
  fit(padding = 40, animate = false): void {
    fitViewport(this.cy, padding, this.insets(), animate);
  }

  /**
   * What the overlays on the canvas cover, as alternatives (say, "a column on the left" or "a band at the
   * bottom" for a legend in the corner), in rendered px from each side; `fit` takes the one that leaves the map
   * largest. Set by the view that owns the overlays (MapView measures its legend and zoom buttons).
   */
  setInsets(insets: () => Insets[]): void {
    this.insets = insets;
  }

  private insets: () => Insets[] = () => [{ top: 0, right: 0, bottom: 0, left: 0 }];

  /** Fits the view (animated) once the elements given to the last `setGraph` have been painted. */
  fitWhenPainted(padding = 40): void {
    const off = this.on('painted', () => {
      off();
      this.fit(padding, true);
    });
    if (!this.awaitingPaint) {
      off();
      this.fit(padding, true);
    }
  }

  /** Zooms by `factor` (> 1 in, < 1 out) about the centre of the viewport, animated (200 ms), within min/max. */
  zoomBy(factor: number): void {
    // Steps pressed during an animation add up from where it was heading, not from where it is.
    const from = this.cy.animated() && this.zoomTarget !== null ? this.zoomTarget : this.cy.zoom();
    this.zoomTarget = zoomViewport(this.cy, from * factor, () => (this.zoomTarget = null));
  }

  /** Which name node labels show (node-label.ts): relabels every node in one batch. */
  setLabelMode(mode: LabelMode): void {
    if (mode === this.labelMode) return;
    this.labelMode = mode;
    this.cy.batch(() =>
      this.cy.nodes('[kind]').forEach((n) => {
        const en = n.data('enName') as string | null;
        n.data('display', displayLabel(n.data('label') as string, en ? [en] : [], mode));
      }),
    );
  }

  /**
   * Shows the legend's encodings: `sizes` (node id → diameter, px) draws nodes at those sizes instead of their
   * kind's, `colours` (node id → fill) colours them by community; null for either goes back to the kind's. Nodes
   * not in a map keep the kind's. One batch; no layout runs, nothing moves.
   */
  setEncoding(sizes: ReadonlyMap<string, number> | null, colours: ReadonlyMap<string, string> | null): void {
    // The kind's size and colour, and no node carries an encoding: nothing to do (a pass over 50k nodes saved).
    if (!sizes && !colours && this.cy.$('node.sized, node.by-community').empty()) return;
    this.cy.batch(() =>
      this.cy.nodes('[kind]').forEach((n) => {
        const size = sizes?.get(n.id());
        if (size === undefined) n.removeClass('sized');
        else n.data('size', size).addClass('sized');
        const fill = colours?.get(n.id());
        if (fill === undefined) n.removeClass('by-community');
        else n.data('fill', fill).addClass('by-community');
      }),
    );
  }

  /** Selects a node and centres the view on it (animated unless `instant`). */
  focusNode(id: string, instant = false): boolean {
    const node = this.cy.getElementById(id);
    if (node.empty()) return false;
    this.cy.$(':selected').unselect();
    node.select();
    node.flashClass('found', 1500);
    const zoom = Math.max(this.cy.zoom(), 1.1);
    // A newer focus replaces one still under way (queued camera moves would drift the view afterwards).
    this.cy.stop(true, false);
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
    this.cy.style(this.styleFor(theme));
  }

  /** Re-labels edges after a language switch. */
  setEdgeLabel(edgeLabel: (kind: EdgeKind) => string): void {
    this.edgeLabel = edgeLabel;
    this.edgeLabels = new Map();
    this.cy.batch(() => this.cy.edges().forEach((e) => void e.data('kindLabel', edgeLabel(e.data('kind')))));
  }

  /** Resolves once the map has been painted and no layout is running (an export waits for it). */
  idle(): Promise<void> {
    return new Promise((resolve) => {
      const check = () => (this.layingOut || !this.painted ? setTimeout(check, 50) : resolve());
      check();
    });
  }

  /** The nodes and edges drawn now (not hidden by a filter), at their positions: the app's HTML snapshot. */
  shownElements(): ShownElements {
    return {
      nodes: this.cy
        .nodes('[kind]:visible')
        .map((n) => ({ id: n.id(), refId: n.id(), x: n.position('x'), y: n.position('y') })),
      edges: this.cy.edges('[kind]:visible').map((e) => ({
        id: e.id(),
        source: e.source().id(),
        target: e.target().id(),
        kind: e.data('kind') as EdgeKind,
      })),
    };
  }

  /** The legend of the kinds on the map (export-image.ts legendEntries) in the words of `decor`. */
  exportLegend(decor: ExportDecor): LegendEntry[] {
    return legendEntries(this.cy, decor);
  }

  /** PNG of the whole map with every label, `frame`'s title and legend (export-image.ts), as a data: URL. */
  exportPng(frame: ExportFrame): Promise<string> {
    return composePng(this.cy, frame, (fn) => this.lod.withAllLabels(fn));
  }

  /** SVG of the whole map with every label as text, `frame`'s title and legend (cytoscape-svg, loaded on first use). */
  async exportSvg(frame: ExportFrame): Promise<string> {
    await ensureSvgExport();
    return composeSvg(this.cy, frame, (fn) => this.lod.withAllLabels(fn));
  }

  /** The camera as Cytoscape reports it (saved views). */
  camera(): CameraState {
    return cameraOf(this.cy);
  }

  /** The canvas size in CSS px (saved views adapt a camera saved on another size). */
  canvasSize(): { width: number; height: number } {
    return canvasSizeOf(this.cy);
  }

  /** Moves the camera to `camera`; with `animate` smoothly (500 ms). Resolves when it is there. */
  setCamera(camera: CameraState, animate: boolean): Promise<void> {
    return moveCamera(this.cy, camera, animate);
  }

  /** Model positions of every node on the canvas (saved views). */
  nodePositions(): Array<{ id: string; x: number; y: number }> {
    return this.cy.nodes('[kind]').map((n) => ({ id: n.id(), x: n.position('x'), y: n.position('y') }));
  }

  /** Shows `positions` for the nodes that exist, without storing them (a saved view's own arrangement). */
  showPositions(positions: ReadonlyArray<{ id: string; x: number; y: number }>): void {
    this.cy.batch(() => {
      for (const p of positions) {
        const n = this.cy.getElementById(p.id);
        if (n.nonempty()) n.position({ x: p.x, y: p.y });
      }
    });
  }

  /** Read-only (presentation mode): nodes cannot be grabbed, drawn from or box-selected. */
  setReadOnly(on: boolean): void {
    this.cy.autoungrabify(on);
    this.cy.boxSelectionEnabled(!on);
    if (on) this.eh.disableDrawMode();
  }

  /** Releases the Cytoscape instance, the edge handles and the layout worker. */
  destroy(): void {
    this.handlers.clear();
    this.lod.destroy();
    this.eh.destroy();
    this.layouts.destroy();
    this.cy.destroy();
    GraphEngine.alive--;
  }
}
