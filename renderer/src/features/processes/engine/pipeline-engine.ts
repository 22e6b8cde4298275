/**
 * PipelineEngine owns the pipeline canvas's Cytoscape instance (STYLE.md: imperative engines live outside React;
 * only engine folders import cytoscape) and offers the processes view a small API: show a pipeline, select a
 * step, fit, zoom, theme, hit-test a drop, and `on(...)` events that each return their own unsubscribe.
 *
 * Positions: every box comes from the maintained layout (pipeline-layout.ts); a step the user dragged keeps the
 * position stored in the process's own view, its satellites move with it. `setPipeline` diffs by element id
 * in one batch and never moves a step that has a stored position, so a refresh or a new step leaves what the user
 * placed where it is.
 */
import cytoscape, { type Core, type EventObject, type NodeSingular } from 'cytoscape';
import type { Pipeline } from '../../../../../preload/contract';
import type { Theme } from '../../../app/store';
import { fitLabel, layoutPipeline, SIZES, type LaidNode } from './pipeline-layout';
import { LABEL_BOXES, LABEL_FONT_FAMILY, pipelineStylesheet } from './pipeline-styles';
import { cameraOf, canvasSizeOf, moveCamera, type CameraState } from '../../map/engine/viewport';
import {
  composePng,
  composeSvg,
  ensureSvgExport,
  type ExportFrame,
  type ShownElements,
} from '../../map/engine/export-image';

/** Events of the engine. */
export interface PipelineEvents {
  /** A step was clicked (null: the background). */
  select: string | null;
  /** A step was double-clicked (open its panel). */
  open: string;
  /** The user dropped dragged steps here (model px). */
  positions: Array<{ id: string; x: number; y: number }>;
}

/** Where a drop landed: the step under it and whether above/on it or below it. */
export interface DropHit {
  stepId: string;
  zone: 'above' | 'below';
}

/** Lines a box's name may take; a step's strength number always has a line of its own below them. */
const NAME_LINES = 2;
/** Room left for the difference between our measurement and Cytoscape's (px). */
const MEASURE_SLACK = 4;

/**
 * The label a box draws: its name broken to the box's width in at most NAME_LINES lines (cut with "…"), for a
 * step followed by its strength number on its own line. `cut` tells whether the name was shortened (then the
 * full name is the canvas's tooltip while the pointer is on the box).
 */
function drawnLabel(
  n: LaidNode,
  measure: (font: string, text: string) => number,
): { label: string; cut: boolean } {
  const box = LABEL_BOXES[n.role];
  const font = `${box.weight} ${box.size}px ${LABEL_FONT_FAMILY}`;
  const name = fitLabel(n.label, {
    maxWidth: box.width - MEASURE_SLACK,
    maxLines: NAME_LINES,
    measure: (text) => measure(font, text),
  });
  const cut = name.endsWith('…') && !n.label.trimEnd().endsWith('…');
  return { label: n.role === 'step' ? `${name}\n${n.strength ?? '—'}` : name, cut };
}

/** The smallest zoom a pipeline opens at: its 12 px labels still ~10 px on screen. */
const READABLE_ZOOM = 0.85;

type Handler<K extends keyof PipelineEvents> = (payload: PipelineEvents[K]) => void;

/** A step as the end-to-end tests read it (plain values only). */
export interface StepSnapshot {
  id: string;
  /** As drawn: the name in at most two lines (cut with "…"), then the strength number. */
  label: string;
  /** The step's whole name. */
  fullLabel: string;
  /** Widest line of the drawn label in its canvas font (model px), to check it stays inside the box. */
  labelWidth: number;
  x: number;
  y: number;
  band: string;
  fill: string;
  selected: boolean;
}

export class PipelineEngine {
  /** Engines constructed and not yet destroyed (a StrictMode remount must leave one). */
  static alive = 0;
  private readonly cy: Core;
  private readonly handlers = new Map<keyof PipelineEvents, Set<Handler<never>>>();
  /** Offsets of each step's satellites from the step, as laid out. */
  private readonly satellites = new Map<string, Array<{ id: string; dx: number; dy: number }>>();
  /** Stored positions of steps (the process view's), applied over the layout. */
  private stored = new Map<string, { x: number; y: number }>();
  /** Drops not yet in the stored positions handed in (their save is under way), with when they happened. */
  private readonly ownSaves = new Map<string, { x: number; y: number; at: number }>();
  private dragStart = new Map<string, { x: number; y: number }>();
  private shownProcess: string | null = null;
  private readonly measureCtx = document.createElement('canvas').getContext('2d');
  /** Width (px) of `text` drawn in CSS `font`; a rough stand-in when the canvas has no 2D context. */
  private readonly measure = (font: string, text: string): number => {
    const ctx = this.measureCtx;
    if (!ctx) return Array.from(text).length * 9;
    ctx.font = font;
    return ctx.measureText(text).width;
  };

  constructor(container: HTMLElement, theme: Theme) {
    this.cy = cytoscape({
      container,
      style: pipelineStylesheet(theme),
      layout: { name: 'preset' },
      minZoom: 0.1,
      maxZoom: 3,
      boxSelectionEnabled: false,
      selectionType: 'single',
      autoungrabify: false,
    });
    this.wire();
    PipelineEngine.alive++;
  }

  /** Subscribes to an engine event; returns its own unsubscribe. */
  on<K extends keyof PipelineEvents>(event: K, handler: Handler<K>): () => void {
    const set = this.handlers.get(event) ?? this.handlers.set(event, new Set()).get(event)!;
    set.add(handler as Handler<never>);
    return () => set.delete(handler as Handler<never>);
  }

  private emit<K extends keyof PipelineEvents>(event: K, payload: PipelineEvents[K]): void {
    for (const h of this.handlers.get(event) ?? []) (h as Handler<K>)(payload);
  }

  private wire(): void {
    const cy = this.cy;
    cy.on('tap', (e: EventObject) => {
      if (e.target === cy) return this.emit('select', null);
      const n = e.target as NodeSingular;
      if (n.isNode()) this.emit('select', n.data('stepId') as string);
    });
    cy.on('dbltap', 'node', (e: EventObject) =>
      this.emit('open', (e.target as NodeSingular).data('stepId') as string),
    );
    // A shortened name shows in full as the canvas's tooltip while the pointer is on its box.
    const container = cy.container()!;
    cy.on('mouseover', 'node', (e: EventObject) => {
      const n = e.target as NodeSingular;
      if (n.data('cut')) container.title = n.data('fullLabel') as string;
    });
    cy.on('mouseout', 'node', () => container.removeAttribute('title'));
    cy.on('grab', 'node[role = "step"]', (e: EventObject) => {
      const n = e.target as NodeSingular;
      this.dragStart.set(n.id(), { ...n.position() });
    });
    // Satellites follow their step while it is dragged.
    cy.on('drag', 'node[role = "step"]', (e: EventObject) => this.placeSatellites(e.target as NodeSingular));
    cy.on('free', 'node[role = "step"]', (e: EventObject) => {
      const n = e.target as NodeSingular;
      const start = this.dragStart.get(n.id());
      this.dragStart.delete(n.id());
      const p = n.position();
      if (start && Math.hypot(start.x - p.x, start.y - p.y) < 1) return;
      const pos = { id: n.id(), x: Math.round(p.x), y: Math.round(p.y) };
      this.stored.set(pos.id, { x: pos.x, y: pos.y });
      this.ownSaves.set(pos.id, { x: pos.x, y: pos.y, at: Date.now() });
      this.emit('positions', [pos]);
    });
  }

  private placeSatellites(step: NodeSingular): void {
    const p = step.position();
    for (const s of this.satellites.get(step.id()) ?? [])
      this.cy.getElementById(s.id).position({ x: p.x + s.dx, y: p.y + s.dy });
  }

  /** Resolves once a pipeline has been drawn (an export waits for it). */
  async drawn(): Promise<void> {
    while (this.shownProcess === null) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  }

  /**
   * Shows `pipeline`, with `stored` step positions (the process view's) over the layout. Elements are diffed by
   * id; a step already on the canvas moves only when its stored position changed (undo of a drag) or, without
   * one, when its computed slot did. `storedAt` is when `stored` was read (ms): a drop after it wins over it
   * (its save is still on the way), so a refresh never makes a dragged step jump back. Returns whether this was a
   * different process than before (fit then).
   */
  setPipeline(
    pipeline: Pipeline,
    stored: ReadonlyMap<string, { x: number; y: number }>,
    storedAt: number,
  ): boolean {
    const layout = layoutPipeline(pipeline);
    const changedProcess = this.shownProcess !== pipeline.process.id;
    this.shownProcess = pipeline.process.id;
    if (changedProcess) this.ownSaves.clear();
    this.stored = new Map(stored);
    for (const [id, own] of this.ownSaves) {
      if (own.at > storedAt) this.stored.set(id, { x: own.x, y: own.y });
      else this.ownSaves.delete(id);
    }
    const steps = new Map(layout.nodes.filter((n) => n.role === 'step').map((n) => [n.id, n]));
    this.satellites.clear();
    for (const n of layout.nodes) {
      if (n.role === 'step') continue;
      const step = steps.get(n.stepId)!;
      const list = this.satellites.get(n.stepId) ?? this.satellites.set(n.stepId, []).get(n.stepId)!;
      list.push({ id: n.id, dx: n.x - step.x, dy: n.y - step.y });
    }
    const ids = new Set([...layout.nodes.map((n) => n.id), ...layout.edges.map((e) => e.id)]);
    this.cy.batch(() => {
      this.cy.elements().forEach((el) => {
        if (!ids.has(el.id())) el.remove();
      });
      const data = (n: LaidNode) => {
        const drawn = drawnLabel(n, this.measure);
        return {
          id: n.id,
          role: n.role,
          refId: n.refId,
          stepId: n.stepId,
          band: n.band,
          label: drawn.label,
          fullLabel: n.label,
          cut: drawn.cut,
        };
      };
      for (const n of layout.nodes) {
        const at = n.role === 'step' ? (this.stored.get(n.id) ?? { x: n.x, y: n.y }) : null;
        const el = this.cy.getElementById(n.id);
        if (el.empty()) {
          const added = this.cy.add({ group: 'nodes', data: data(n), position: at ?? { x: n.x, y: n.y } });
          if (n.role !== 'step') added.ungrabify();
        } else {
          el.data(data(n));
          if (at && !el.grabbed()) el.position(at);
        }
      }
      for (const e of layout.edges) {
        if (this.cy.getElementById(e.id).nonempty()) continue;
        this.cy.add({ group: 'edges', data: { ...e } });
      }
      for (const s of steps.values()) this.placeSatellites(this.cy.getElementById(s.id) as NodeSingular);
    });
    return changedProcess;
  }

  /** Selects step `id` (null: none), lights its flows and brings it into view when it is off screen. */
  select(id: string | null): void {
    this.cy.batch(() => {
      this.cy.$(':selected').unselect();
      this.cy.edges('.lit').removeClass('lit');
      if (!id) return;
      const n = this.cy.getElementById(id);
      if (n.empty()) return;
      n.select();
      this.cy
        .edges('[role = "flow"]')
        .filter((e) => e.source().data('stepId') === id || e.target().data('stepId') === id)
        .addClass('lit');
    });
    const n = this.cy.getElementById(id ?? '');
    if (n.nonempty()) {
      const ext = this.cy.extent();
      const p = n.position();
      if (p.x < ext.x1 || p.x > ext.x2 || p.y < ext.y1 || p.y > ext.y2)
        this.cy.animate({ center: { eles: n }, duration: 200 });
    }
  }

  /**
   * Fits the whole pipeline; with `readable`, never below READABLE_ZOOM (then the start of the process shows, at the
   * left): a long process is read by scrolling along it rather than as a picture too small to read.
   */
  fit(readable = false): void {
    const eles = this.cy.elements();
    if (eles.empty()) return;
    this.cy.fit(eles, 30);
    // A short process is not blown up beyond comfortable reading size.
    if (this.cy.zoom() > 1.1)
      this.cy.zoom({ level: 1.1, renderedPosition: { x: this.cy.width() / 2, y: this.cy.height() / 2 } });
    if (readable && this.cy.zoom() < READABLE_ZOOM) {
      const bb = eles.boundingBox();
      this.cy.zoom(READABLE_ZOOM);
      const h = this.cy.height();
      this.cy.pan({ x: 30 - bb.x1 * READABLE_ZOOM, y: h / 2 - ((bb.y1 + bb.y2) / 2) * READABLE_ZOOM });
    }
  }

  /** Zooms by `factor` around the canvas centre. */
  zoomBy(factor: number): void {
    const level = Math.min(3, Math.max(0.1, this.cy.zoom() * factor));
    this.cy.animate({
      zoom: { level, renderedPosition: { x: this.cy.width() / 2, y: this.cy.height() / 2 } },
      duration: 150,
    });
  }

  /** Switches the stylesheet to `theme`. */
  setTheme(theme: Theme): void {
    this.cy.style(pipelineStylesheet(theme));
  }

  /** Tells Cytoscape its container was resized. */
  resize(): void {
    this.cy.resize();
  }

  /**
   * The step a drop at client coordinates lands on: the step whose column holds the point (its box and its
   * satellites' band), `above` when the point is above the step's lower edge, else `below`. Null off every step.
   */
  dropTarget(clientX: number, clientY: number): DropHit | null {
    const box = this.cy.container()!.getBoundingClientRect();
    const zoom = this.cy.zoom();
    const pan = this.cy.pan();
    const x = (clientX - box.left - pan.x) / zoom;
    const y = (clientY - box.top - pan.y) / zoom;
    let best: { id: string; d: number; sy: number } | null = null;
    this.cy.nodes('[role = "step"]').forEach((n) => {
      const p = n.position();
      const dx = Math.abs(x - p.x);
      if (dx > SIZES.stepW / 2 + 8 + SIZES.sideW) return;
      const d = dx + Math.abs(y - p.y) / 4;
      if (!best || d < best.d) best = { id: n.id(), d, sy: p.y };
    });
    if (!best) return null;
    const hit = best as { id: string; d: number; sy: number };
    return { stepId: hit.id, zone: y <= hit.sy + SIZES.stepH / 2 ? 'above' : 'below' };
  }

  /** Highlights step `id` as the target of a drag (null: none). */
  markDropTarget(id: string | null): void {
    this.cy.nodes('.drop-target').removeClass('drop-target');
    if (id) this.cy.getElementById(id).addClass('drop-target');
  }

  /** Where step `id` is drawn, in client px (for tests and drag previews); null when absent. */
  clientPosition(id: string): { x: number; y: number } | null {
    const n = this.cy.getElementById(id);
    if (n.empty()) return null;
    const box = this.cy.container()!.getBoundingClientRect();
    const p = n.renderedPosition();
    return { x: box.left + p.x, y: box.top + p.y };
  }

  /** The steps on the canvas, left to right (plain values, for tests). */
  snapshot(): { steps: StepSnapshot[]; nodes: number; edges: Record<string, number>; zoom: number } {
    const steps = this.cy
      .nodes('[role = "step"]')
      .map((n) => ({
        id: n.id(),
        label: n.data('label') as string,
        fullLabel: n.data('fullLabel') as string,
        labelWidth: Math.max(
          ...(n.data('label') as string)
            .split('\n')
            .map((l) => this.measure(`bold ${LABEL_BOXES.step.size}px ${LABEL_FONT_FAMILY}`, l)),
        ),
        x: n.position().x,
        y: n.position().y,
        band: n.data('band') as string,
        fill: n.style('background-color') as string,
        selected: n.selected(),
      }))
      .sort((a, b) => a.x - b.x || a.y - b.y);
    const edges: Record<string, number> = {};
    this.cy.edges().forEach((e) => {
      const r = e.data('role') as string;
      edges[r] = (edges[r] ?? 0) + 1;
    });
    return { steps, nodes: this.cy.nodes().length, edges, zoom: this.cy.zoom() };
  }

  /**
   * The pipeline as drawn, for the HTML snapshot: every box under its element id with the graph node it shows
   * (`refId`), and its lines as the relations they stand for — step → item `requires` / `produces`, step →
   * template `requires`, step → expert `consults`, `next` between steps, and a knowledge flow from the producing
   * step's item to the requiring step's item as `related`.
   */
  shownElements(): ShownElements {
    const kindOf: Record<string, ShownElements['edges'][number]['kind']> = {
      req: 'requires',
      prod: 'produces',
      tpl: 'requires',
      exp: 'consults',
    };
    return {
      nodes: this.cy.nodes().map((n) => ({
        id: n.id(),
        refId: (n.data('refId') as string | undefined) ?? n.id(),
        x: n.position().x,
        y: n.position().y,
      })),
      edges: this.cy.edges().map((e) => {
        const role = e.data('role') as string;
        const satellite = e.data('satellite') as string | undefined;
        // Member lines run satellite → step except for produced items; the relation runs from the step.
        const fromStep = role === 'member' && satellite !== 'prod';
        return {
          id: e.id(),
          source: fromStep ? e.target().id() : e.source().id(),
          target: fromStep ? e.source().id() : e.target().id(),
          kind: role === 'member' ? kindOf[satellite ?? 'req']! : role === 'next' ? 'next' : 'related',
        };
      }),
    };
  }

  /** The step bands and box roles on the canvas now (an export's legend names only what is drawn). */
  shownRoles(): { bands: Set<string>; roles: Set<string> } {
    const bands = new Set<string>();
    const roles = new Set<string>();
    this.cy.nodes().forEach((n) => {
      const role = n.data('role') as string;
      roles.add(role);
      if (role === 'step') bands.add(n.data('band') as string);
    });
    return { bands, roles };
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

  /** Model positions of the steps (their satellites follow them). */
  stepPositions(): Array<{ id: string; x: number; y: number }> {
    return this.cy
      .nodes('[role = "step"]')
      .map((n) => ({ id: n.id(), x: n.position('x'), y: n.position('y') }));
  }

  /** Shows `positions` for the steps that exist, with their satellites, without storing them (a saved view's). */
  showStepPositions(positions: ReadonlyArray<{ id: string; x: number; y: number }>): void {
    this.cy.batch(() => {
      for (const p of positions) {
        const n = this.cy.getElementById(p.id);
        if (n.empty() || n.data('role') !== 'step') continue;
        n.position({ x: p.x, y: p.y });
        this.placeSatellites(n as NodeSingular);
      }
    });
  }

  /** Read-only (presentation mode): steps cannot be grabbed. */
  setReadOnly(on: boolean): void {
    this.cy.autoungrabify(on);
  }

  /** Destroys the Cytoscape instance and drops every handler. */
  destroy(): void {
    this.handlers.clear();
    this.cy.destroy();
    PipelineEngine.alive--;
  }
}
