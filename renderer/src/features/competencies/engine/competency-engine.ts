/**
 * CompetencyEngine owns the core-competence diagram's Cytoscape instance (STYLE.md: imperative engines live
 * outside React; only engine folders import cytoscape) and offers the view a small API: show one drill level,
 * select, fit, theme, camera and positions for saved views, and `on(...)` events that each return their own
 * unsubscribe. Positions: the rings of rings-layout.ts, overridden by the positions the user dragged (stored in
 * the drill level's competency view). A new drill level grows out of the node that was clicked and the camera
 * glides to it (animated).
 */
import cytoscape, { type Core, type EventObject, type NodeSingular } from 'cytoscape';
import type { CompetencyDiagram, DiagramNode } from '../../../../../preload/contract';
import type { Theme } from '../../../app/store';
import { BAND_COLOURS } from '../../../ui/strength-bands';
import { COVERAGE_COLOURS, EXPERT_COLOUR, percentText } from '../coverage-bands';
import { layoutRings, type RingNode } from './rings-layout';
import { cameraOf, canvasSizeOf, moveCamera, type CameraState } from '../../map/engine/viewport';
import {
  composePng,
  composeSvg,
  ensureSvgExport,
  type ExportFrame,
  type ShownElements,
} from '../../map/engine/export-image';
import {
  competencyStylesheet,
  LABEL_FONT,
  LABEL_MARGIN,
  LABEL_MAX_WIDTH,
  ITEM_LABEL_MAX_WIDTH,
  LABEL_OUTLINE,
} from './competency-styles';

/** Events of the engine. */
export interface CompetencyEvents {
  /** A node was clicked (null: the background). */
  select: { id: string; kind: DiagramNode['kind'] } | null;
  /** A competency other than the focus was clicked: drill into it. */
  drill: string;
  /** The user dropped dragged nodes here (model px). */
  positions: Array<{ id: string; x: number; y: number }>;
}

/** A node as the end-to-end tests read it (plain values only). */
export interface DiagramNodeSnapshot {
  id: string;
  kind: string;
  ring: number;
  /** The drawn label: the name (cut with "…" when too long), then the percent or strength. */
  label: string;
  band: string;
  fill: string;
  x: number;
  y: number;
  /** Where the node's centre is drawn (rendered px, in the canvas). */
  rx: number;
  ry: number;
  /** The label's box in rendered px (Cytoscape's own label bounding box). */
  labelBox: { x1: number; y1: number; x2: number; y2: number };
  selected: boolean;
}

type Handler<K extends keyof CompetencyEvents> = (payload: CompetencyEvents[K]) => void;

const ANIMATE_MS = 450;
const FIT_PADDING = 30;
/** Below this zoom a level opens on its competencies rather than on everything (14 px names ≥ ~8 px). */
const READABLE_ZOOM = 0.55;
/** The zoom such a level opens at (at most). */
const OPEN_ZOOM = 0.75;
/** Room left for the difference between our measurement and Cytoscape's (px). */
const SLACK = 6;

/** Node diameter (model px) from its importance relative to the largest of its kind in the diagram. */
function nodeSize(n: DiagramNode, maxByKind: Map<string, number>): number {
  if (n.ring === 0) return 64;
  const max = maxByKind.get(n.kind) || 1;
  const base = n.kind === 'competency' ? 30 : 18;
  const span = n.kind === 'competency' ? 28 : 18;
  return Math.round(base + span * Math.sqrt(Math.max(0, n.importance) / max));
}

/**
 * Label font size (px): the focus 18, competencies 15, items and experts 11. The outer rings hold most nodes and
 * so set the diagram's size; larger type on the few competencies barely widens it and keeps them legible when the
 * whole level is fitted.
 */
function labelSize(n: DiagramNode): number {
  if (n.ring === 0) return 18;
  return n.kind === 'competency' ? 15 : 11;
}

/** Fill of a node: coverage band for a competency, strength band for an item, sky blue for an expert. */
function nodeFill(n: DiagramNode): string {
  if (n.kind === 'expert') return EXPERT_COLOUR;
  if (n.kind === 'competency') return COVERAGE_COLOURS[n.band as keyof typeof COVERAGE_COLOURS].fill;
  return BAND_COLOURS[n.band as keyof typeof BAND_COLOURS].fill;
}

/** The second label line: coverage percent, item strength, nothing for an expert. */
function valueLine(n: DiagramNode): string | null {
  if (n.kind === 'competency') return percentText(n.coverage);
  if (n.kind === 'knowledge') return n.strength === null ? '—' : String(n.strength);
  return null;
}

/** Whether a node or the viewport is animating (Cytoscape has `animated()` on both; its typings only on nodes). */
const animating = (x: unknown) => (x as { animated(): boolean }).animated();

export class CompetencyEngine {
  /** Engines constructed and not yet destroyed (a StrictMode remount must leave one). */
  static alive = 0;
  private readonly cy: Core;
  private readonly handlers = new Map<keyof CompetencyEvents, Set<Handler<never>>>();
  private focusId: string | null | undefined = undefined;
  private dragStart = new Map<string, { x: number; y: number }>();
  private readonly measureCtx = document.createElement('canvas').getContext('2d');

  constructor(container: HTMLElement, theme: Theme) {
    this.cy = cytoscape({
      container,
      style: competencyStylesheet(theme),
      layout: { name: 'preset' },
      minZoom: 0.05,
      maxZoom: 3,
      boxSelectionEnabled: false,
      selectionType: 'single',
    });
    this.wire();
    CompetencyEngine.alive++;
  }

  /** Subscribes to an engine event; returns its own unsubscribe. */
  on<K extends keyof CompetencyEvents>(event: K, handler: Handler<K>): () => void {
    const set = this.handlers.get(event) ?? this.handlers.set(event, new Set()).get(event)!;
    set.add(handler as Handler<never>);
    return () => set.delete(handler as Handler<never>);
  }

  private emit<K extends keyof CompetencyEvents>(event: K, payload: CompetencyEvents[K]): void {
    for (const h of this.handlers.get(event) ?? []) (h as Handler<K>)(payload);
  }

  private measure(text: string, bold: boolean, size: number): number {
    const ctx = this.measureCtx;
    if (!ctx) return Array.from(text).length * size * 0.8;
    ctx.font = `${bold ? 'bold ' : ''}${size}px ${LABEL_FONT.family}`;
    return ctx.measureText(text).width;
  }

  /** `text` cut with "…" to `max` px. */
  private fitText(text: string, bold: boolean, size: number, max: number): string {
    if (this.measure(text, bold, size) <= max) return text;
    const chars = Array.from(text);
    let lo = 0;
    let hi = chars.length;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (this.measure(chars.slice(0, mid).join('') + '…', bold, size) <= max) lo = mid;
      else hi = mid - 1;
    }
    return chars.slice(0, lo).join('') + '…';
  }

  private wire(): void {
    const cy = this.cy;
    cy.on('tap', (e: EventObject) => {
      if (e.target === cy) return this.emit('select', null);
      const n = e.target as NodeSingular;
      if (!n.isNode()) return;
      const kind = n.data('kind') as DiagramNode['kind'];
      this.emit('select', { id: n.id(), kind });
      if (kind === 'competency' && n.id() !== this.focusId) this.emit('drill', n.id());
    });
    const container = cy.container()!;
    cy.on('mouseover', 'node', (e: EventObject) => {
      container.title = (e.target as NodeSingular).data('fullLabel') as string;
    });
    cy.on('mouseout', 'node', () => container.removeAttribute('title'));
    cy.on('grab', 'node', (e: EventObject) => {
      const n = e.target as NodeSingular;
      this.dragStart.set(n.id(), { ...n.position() });
    });
    cy.on('free', 'node', (e: EventObject) => {
      const n = e.target as NodeSingular;
      const start = this.dragStart.get(n.id());
      this.dragStart.delete(n.id());
      const p = n.position();
      if (start && Math.hypot(start.x - p.x, start.y - p.y) < 1) return;
      this.emit('positions', [{ id: n.id(), x: Math.round(p.x), y: Math.round(p.y) }]);
    });
  }

  /**
   * Shows one drill level: its nodes on their rings (or at `stored` positions), its links. Elements are diffed by
   * id. When the focus changed, new nodes grow out of the new focus's old place and the camera fits the whole
   * level (animated unless `animate` is false). Returns whether the focus changed.
   */
  setDiagram(
    diagram: CompetencyDiagram,
    stored: ReadonlyMap<string, { x: number; y: number }>,
    animate = true,
  ): boolean {
    const changed = this.focusId !== diagram.focusId;
    this.focusId = diagram.focusId;
    const maxByKind = new Map<string, number>();
    for (const n of diagram.nodes)
      if (n.ring > 0) maxByKind.set(n.kind, Math.max(maxByKind.get(n.kind) ?? 0, n.importance));
    const drawn = diagram.nodes.map((n) => {
      const size = nodeSize(n, maxByKind);
      const bold = n.kind === 'competency';
      const fontSize = labelSize(n);
      const name = this.fitText(n.label, bold, fontSize, bold ? LABEL_MAX_WIDTH : ITEM_LABEL_MAX_WIDTH);
      const value = valueLine(n);
      const label = value === null ? name : `${name}\n${value}`;
      const lines = value === null ? 1 : 2;
      const textW = Math.max(
        this.measure(name, bold, fontSize),
        value ? this.measure(value, bold, fontSize) : 0,
      );
      const textH = lines * fontSize * LABEL_FONT.lineHeight;
      const box: RingNode = {
        id: n.id,
        ring: n.ring,
        parentId: n.parentId,
        width: Math.max(size, textW + 2 * LABEL_OUTLINE) + SLACK,
        // Symmetric about the node's centre: the label hangs below it.
        height: 2 * (size / 2 + LABEL_MARGIN + textH + LABEL_OUTLINE) + SLACK,
      };
      return { n, size, fontSize, label, box };
    });
    const placed = layoutRings(drawn.map((d) => d.box)).positions;
    const ids = new Set([
      ...diagram.nodes.map((n) => n.id),
      ...diagram.links.map((l) => `${l.source}->${l.target}`),
    ]);
    const targets = new Map<string, { x: number; y: number }>();
    this.cy.batch(() => {
      this.cy.elements().forEach((el) => {
        if (!ids.has(el.id())) el.remove();
      });
      for (const { n, size, fontSize, label } of drawn) {
        const at = stored.get(n.id) ?? placed.get(n.id)!;
        targets.set(n.id, at);
        const data = {
          id: n.id,
          kind: n.kind,
          ring: n.ring,
          band: n.band,
          fill: nodeFill(n),
          size,
          fontSize,
          label,
          fullLabel: n.label,
          focus: n.ring === 0,
        };
        const el = this.cy.getElementById(n.id);
        if (el.empty()) this.cy.add({ group: 'nodes', data, position: at });
        else {
          el.data(data);
          el.position(at);
        }
      }
      for (const l of diagram.links) {
        const id = `${l.source}->${l.target}`;
        if (this.cy.getElementById(id).nonempty()) continue;
        this.cy.add({ group: 'edges', data: { id, source: l.source, target: l.target, kind: l.kind } });
      }
    });
    if (changed) {
      // The camera glides to the new level (nodes are already at their places).
      const competencies = new Map(
        diagram.nodes.filter((n) => n.kind === 'competency').map((n) => [n.id, targets.get(n.id)!]),
      );
      this.fitTo(targets, animate, competencies);
    }
    return changed;
  }

  /** Zoom and pan that fit `targets` (their labels included) into the canvas. */
  private viewportFor(targets: Map<string, { x: number; y: number }>): {
    zoom: number;
    pan: { x: number; y: number };
  } {
    const pad = 110;
    const xs = [...targets.values()].map((p) => p.x);
    const ys = [...targets.values()].map((p) => p.y);
    const bb = {
      x1: Math.min(...xs) - pad,
      x2: Math.max(...xs) + pad,
      y1: Math.min(...ys) - pad / 2,
      y2: Math.max(...ys) + pad,
    };
    const w = this.cy.width() - 2 * FIT_PADDING;
    const h = this.cy.height() - 2 * FIT_PADDING;
    const zoom = Math.min(1.4, Math.max(0.05, Math.min(w / (bb.x2 - bb.x1), h / (bb.y2 - bb.y1))));
    const pan = {
      x: this.cy.width() / 2 - ((bb.x1 + bb.x2) / 2) * zoom,
      y: this.cy.height() / 2 - ((bb.y1 + bb.y2) / 2) * zoom,
    };
    return { zoom, pan };
  }

  /**
   * Fits the camera to where the nodes end up. With `readable` (the competencies of the level): when the whole
   * level would be drawn below READABLE_ZOOM, it fits those instead, so the competencies' names can be read
   * and the items around them show at the edges (⤢ fits everything).
   */
  private fitTo(
    targets: Map<string, { x: number; y: number }>,
    animate: boolean,
    readable?: Map<string, { x: number; y: number }>,
  ): void {
    if (targets.size === 0) return;
    let v = this.viewportFor(targets);
    if (readable && readable.size > 1 && v.zoom < READABLE_ZOOM) {
      // No closer than the competencies need, and no closer than OPEN_ZOOM, so the items around them show too.
      const zoom = Math.min(this.viewportFor(readable).zoom, OPEN_ZOOM);
      v = this.viewportAt(readable, Math.max(v.zoom, zoom));
    }
    if (animate) this.cy.animate(v, { duration: ANIMATE_MS, easing: 'ease-in-out-cubic' });
    else this.cy.viewport(v);
  }

  /** The viewport centred on `targets` at `zoom`. */
  private viewportAt(targets: Map<string, { x: number; y: number }>, zoom: number) {
    const xs = [...targets.values()].map((p) => p.x);
    const ys = [...targets.values()].map((p) => p.y);
    const cx = (Math.min(...xs) + Math.max(...xs)) / 2;
    const cy = (Math.min(...ys) + Math.max(...ys)) / 2 + 20;
    return { zoom, pan: { x: this.cy.width() / 2 - cx * zoom, y: this.cy.height() / 2 - cy * zoom } };
  }

  /** Fits the whole level (animated). */
  fit(): void {
    const t = new Map(this.cy.nodes().map((n) => [n.id(), n.position()]));
    this.fitTo(t, true);
  }

  /** Selects node `id` (null: none). */
  select(id: string | null): void {
    this.cy.$(':selected').unselect();
    if (id) this.cy.getElementById(id).select();
  }

  /** Zooms by `factor` around the canvas centre. */
  zoomBy(factor: number): void {
    const level = Math.min(3, Math.max(0.05, this.cy.zoom() * factor));
    this.cy.animate({
      zoom: { level, renderedPosition: { x: this.cy.width() / 2, y: this.cy.height() / 2 } },
      duration: 150,
    });
  }

  /** Switches the stylesheet to `theme`. */
  setTheme(theme: Theme): void {
    this.cy.style(competencyStylesheet(theme));
  }

  /** Tells Cytoscape its container was resized. */
  resize(): void {
    this.cy.resize();
  }

  /** Every node's position (model px), for a saved view. */
  positions(): Array<{ id: string; x: number; y: number }> {
    return this.cy.nodes().map((n) => ({ id: n.id(), x: n.position().x, y: n.position().y }));
  }

  /** The drill level as drawn (nodes at their positions, the part_of / supports / knows lines): the HTML snapshot. */
  shownElements(): ShownElements {
    return {
      nodes: this.cy
        .nodes()
        .map((n) => ({ id: n.id(), refId: n.id(), x: n.position().x, y: n.position().y })),
      edges: this.cy.edges().map((e) => ({
        id: e.id(),
        source: e.source().id(),
        target: e.target().id(),
        kind: e.data('kind') as ShownElements['edges'][number]['kind'],
      })),
    };
  }

  /**
   * PNG (data: URL, 2× the drawing's size) of everything on the canvas with every label, `frame`'s title above
   * and its legend below (map/engine/export-image.ts). The camera does not matter: the whole drawing is exported.
   */
  exportPng(frame: ExportFrame): Promise<string> {
    return composePng(this.cy, frame);
  }

  /** SVG document of everything on the canvas: labels, title and legend as real <text> (cytoscape-svg). */
  async exportSvg(frame: ExportFrame): Promise<string> {
    await ensureSvgExport();
    return composeSvg(this.cy, frame);
  }

  /** The camera as Cytoscape reports it. */
  camera(): CameraState {
    return cameraOf(this.cy);
  }

  /** Read-only (presentation mode): nothing can be dragged; clicking still drills down. */
  setReadOnly(on: boolean): void {
    this.cy.autoungrabify(on);
  }

  /** The canvas size in CSS px (saved views adapt a camera saved on another size). */
  canvasSize(): { width: number; height: number } {
    return canvasSizeOf(this.cy);
  }

  /** Moves the camera (smoothly when `animate`); resolves when it is there. */
  setCamera(camera: CameraState, animate: boolean): Promise<void> {
    return moveCamera(this.cy, camera, animate);
  }

  /** Resolves once a drill level has been drawn and its animations are over (an export waits for it). */
  async drawn(): Promise<void> {
    while (this.focusId === undefined) await new Promise((r) => setTimeout(r, 50));
    await this.settled();
  }

  /** Waits until running animations are over (tests, saved views). */
  settled(): Promise<void> {
    return new Promise((resolve) => {
      const check = () =>
        this.cy.nodes().some((n) => animating(n)) || animating(this.cy) ? setTimeout(check, 30) : resolve();
      check();
    });
  }

  /** The nodes on the canvas (plain values, for tests). */
  snapshot(): { focusId: string | null; nodes: DiagramNodeSnapshot[]; zoom: number } {
    const nodes = this.cy.nodes().map((n) => {
      const bb = n.renderedBoundingBox({ includeNodes: false, includeEdges: false, includeLabels: true });
      return {
        id: n.id(),
        kind: n.data('kind') as string,
        ring: n.data('ring') as number,
        label: n.data('label') as string,
        band: n.data('band') as string,
        fill: n.style('background-color') as string,
        x: n.position().x,
        y: n.position().y,
        rx: n.renderedPosition().x,
        ry: n.renderedPosition().y,
        labelBox: { x1: bb.x1, y1: bb.y1, x2: bb.x2, y2: bb.y2 },
        selected: n.selected(),
      };
    });
    return { focusId: this.focusId ?? null, nodes, zoom: this.cy.zoom() };
  }

  /** Destroys the Cytoscape instance and drops every handler. */
  destroy(): void {
    this.handlers.clear();
    this.cy.stop();
    this.cy.destroy();
    CompetencyEngine.alive--;
  }
}
