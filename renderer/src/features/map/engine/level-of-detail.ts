/**
 * Level of detail for node labels, after Obsidian's graph view (labels fade in as you zoom): at fit-to-window
 * zoom only the labels of the most important nodes are drawn, large enough to read; the others come in, level by
 * level, as the zoom grows (issue #6: at fit zoom no label was drawn at all).
 *
 * Method. Every node gets an importance score once per graph (kind weight + degree) and a rank. Level 0 holds
 * the top `top` ranks, level i ≥ 1 the ranks [top·2^(i−1), top·2^i). With N nodes spread over the area of the fit
 * view, a viewport at zoom z shows about N·(fit/z)² of them, so keeping ~`top` labels on screen means labelling
 * the top `top·(z/fit)²` ranks: the label budget. A level is drawn in full once the budget covers it and at half
 * opacity once the budget reaches into it. Labels are drawn at a screen size of about 12 px whatever the zoom,
 * by font-size bands of √2 (the font never drops below the stylesheet's 11 model px). Of the labels so chosen,
 * those that would cover a more important one are left out (label-collision.ts).
 *
 * Cost: ranks and levels are computed on `add`/`remove` (O(n log n), batched per frame); the fit zoom on
 * `position`/`resize` (O(n), batched per frame). A zoom event costs O(levels) unless a level or a band threshold
 * is crossed; then the labels of the drawn levels are placed again (O(drawn)) and only the nodes whose label
 * changes get new classes, in one `cy.batch`. Panning costs nothing.
 *
 * Low detail (issue 12): below LOW_DETAIL_ZOOM the drawn labels also get `lod-low` (no text outline:
 * Cytoscape draws each line once, fill only, instead of outline + fill; wrapping stays, see label-levels.ts).
 * The switch is debounced: it follows the zoom LOW_DETAIL_DELAY_MS after the last zoom event, so a wheel
 * gesture crossing the threshold changes classes once (O(drawn labels)), never per frame; a placement that runs
 * anyway takes the zoom's detail at once. Positions are untouched.
 */
import type cytoscape from 'cytoscape';
import type { Core, EventObject, NodeCollection, NodeSingular } from 'cytoscape';
import type { NodeKind } from '../../../../../preload/contract';
import { placeLabels } from './label-collision';
import {
  AREA_PER_LABEL,
  BASE_FONT,
  OTHER_PX,
  TOP_PX,
  bandClass,
  fontBand,
  importanceScore,
  labelBudget,
  levelOfRank,
  levelState,
  pinBandClass,
  type LevelState,
} from './label-levels';

/**
 * Zoom (model px → screen px) below which labels are drawn without outline: a node of 20 model px
 * is then at most 10 screen px, the whole-map overview of a large workspace (10k synthetic nodes fit at ~0.05).
 */
export const LOW_DETAIL_ZOOM = 0.5;
/** How long (ms) after the last zoom event the low-detail switch follows the zoom. */
export const LOW_DETAIL_DELAY_MS = 150;

/** Keeps the label classes of one Cytoscape instance in step with its zoom. One per GraphEngine. */
export class LevelOfDetail {
  private levels: NodeCollection[] = [];
  /** Level states and bands the classes were last set for (see update), and the classes set per node id. */
  private shownKey = '';
  private shown = new Map<string, { node: NodeSingular; classes: string }>();
  private pinned: NodeCollection;
  private pinBand = -1;
  private pinLow = false;
  private fitZoom = 1;
  private top = 40;
  private hovered: NodeSingular | null = null;
  /** The selection or the hovered node changed since the pins were set (so a plain zoom skips them). */
  private pinsDirty = true;
  private frame = 0;
  /** Whether the labels are drawn at low detail (see LOW_DETAIL_ZOOM), and the pending debounce timer. */
  private low = false;
  private lowTimer: ReturnType<typeof setTimeout> | undefined;
  private dirty = { ranks: true, fit: true, labels: true };
  private readonly offs: Array<() => void> = [];

  constructor(private readonly cy: Core) {
    this.pinned = cy.collection() as NodeCollection;
    const on = (events: string, selector: string | null, fn: (e: EventObject) => void) => {
      if (selector) cy.on(events, selector, fn);
      else cy.on(events, fn);
      this.offs.push(() => (selector ? cy.off(events, selector, fn) : cy.off(events, fn)));
    };
    on('add remove', null, (e) => {
      // Edge handles' handle node and preview edges come and go while connecting: they change no rank.
      const el = e.target as cytoscape.SingularElementArgument;
      if (el.isNode() ? el.data('kind') == null : el.data('preview') || el.hasClass('eh-ghost-edge')) return;
      this.schedule('ranks');
    });
    on('position', 'node', () => this.schedule('fit'));
    // The label text changed (label mode, an edit): boxes to place again.
    on('data', 'node', () => this.schedule('labels'));
    on('resize', null, () => this.schedule('fit'));
    on('zoom', null, () => {
      this.schedule();
      // Restarted by every zoom event on the other side of the threshold: one switch per gesture.
      clearTimeout(this.lowTimer);
      this.lowTimer =
        cy.zoom() < LOW_DETAIL_ZOOM === this.low
          ? undefined
          : setTimeout(() => this.followLow(), LOW_DETAIL_DELAY_MS);
    });
    on('select unselect', 'node', () => {
      this.pinsDirty = true;
      this.schedule();
    });
    on('mouseover', 'node', (e) => {
      this.hovered = e.target as NodeSingular;
      this.pinsDirty = true;
      this.schedule();
    });
    on('mouseout', 'node', () => {
      this.hovered = null;
      this.pinsDirty = true;
      this.schedule();
    });
  }

  /** Recomputes ranks, levels and classes now instead of on the next frame (tests, exports). */
  flush(): void {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.update();
  }

  /**
   * Runs `fn` with every label drawn at the base size (for exports: the file shows every name, whatever the
   * zoom on screen), then restores the classes. O(n) twice. Only `nodes`, when given (placement measures the
   * nodes around a spot).
   */
  withAllLabels<T>(fn: () => T, nodes: NodeCollection = this.cy.nodes()): T {
    this.cy.batch(() => nodes.addClass('lod-all'));
    // Label lines and positions are recomputed before the next frame; cy.png and cytoscape-svg draw from them now.
    (this.cy as unknown as { renderer(): { flushRenderedStyleQueue?(): void } })
      .renderer()
      .flushRenderedStyleQueue?.();
    try {
      return fn();
    } finally {
      this.cy.batch(() => nodes.removeClass('lod-all'));
    }
  }

  /** Number of nodes whose label is drawn (in full or at half opacity), for tests and the benchmark. */
  labelledCount(): number {
    return this.cy.nodes('.lod-full, .lod-half, .lod-pin').length;
  }

  /** Whether labels are drawn at low detail now (no outline), for tests and the benchmark. */
  lowDetail(): boolean {
    return this.low;
  }

  destroy(): void {
    clearTimeout(this.lowTimer);
    if (this.frame) cancelAnimationFrame(this.frame);
    this.offs.forEach((off) => off());
  }

  /** The debounced low-detail switch: takes the zoom's side of LOW_DETAIL_ZOOM and places labels again. */
  private followLow(): void {
    this.lowTimer = undefined;
    if (this.cy.destroyed()) return;
    const low = this.cy.zoom() < LOW_DETAIL_ZOOM;
    if (low === this.low) return;
    this.low = low;
    this.schedule('labels');
  }

  private schedule(what?: 'ranks' | 'fit' | 'labels'): void {
    if (what) this.dirty[what] = true;
    if (what === 'ranks') this.dirty.fit = true;
    this.frame ||= requestAnimationFrame(() => {
      this.frame = 0;
      this.update();
    });
  }

  private update(): void {
    const cy = this.cy;
    if (cy.destroyed()) return;
    const force = this.dirty.ranks || this.dirty.fit || this.dirty.labels;
    if (this.dirty.ranks) {
      this.rank();
      // A new graph's first labels take the zoom's detail at once.
      this.low = cy.zoom() < LOW_DETAIL_ZOOM;
    }
    if (this.dirty.fit) this.measureFit();
    this.dirty = { ranks: false, fit: false, labels: false };
    const zoom = cy.zoom();
    const budget = labelBudget(zoom, this.fitZoom, this.top);
    const bands = [fontBand(zoom, TOP_PX), fontBand(zoom, OTHER_PX)];
    const states = this.levels.map((nodes, i) => levelState(i, nodes.length, budget, this.top));
    const key = `${states.join()}|${bands.join()}`;
    cy.batch(() => {
      if (force || key !== this.shownKey) {
        // Labels are placed again anyway: they take the zoom's detail now (no second placement once the
        // debounced switch fires).
        this.low = zoom < LOW_DETAIL_ZOOM;
        this.place(states, bands);
      }
      this.shownKey = key;
      if (this.pinsDirty || bands[1] !== this.pinBand || this.low !== this.pinLow) this.updatePins(bands[1]!);
      this.pinsDirty = false;
    });
  }

  /**
   * Places the labels of the drawn levels, most important first, and sets their classes; clears the classes of
   * the labels no longer drawn. Touches only nodes whose classes change.
   */
  private place(states: LevelState[], bands: number[]): void {
    const nodes: NodeSingular[] = [];
    const classes: string[] = [];
    const candidates = [];
    for (let i = 0; i < this.levels.length; i++) {
      if (states[i] === 'hidden') continue;
      const band = bands[i === 0 ? 0 : 1]!;
      const font = BASE_FONT * Math.SQRT2 ** band;
      for (const n of this.levels[i]!) {
        const p = n.position();
        nodes.push(n);
        classes.push(`lod-${states[i]} ${bandClass(band)}${this.low ? ' lod-low' : ''}`);
        candidates.push({
          x: p.x,
          y: p.y,
          nodeHeight: n.height(),
          text: String(n.data('display') ?? ''),
          font,
        });
      }
    }
    const keep = placeLabels(candidates);
    const next = new Map<string, { node: NodeSingular; classes: string }>();
    nodes.forEach((n, i) => keep[i] && next.set(n.id(), { node: n, classes: classes[i]! }));
    for (const [id, was] of this.shown) {
      if (next.get(id)?.classes !== was.classes && !was.node.removed()) was.node.removeClass(was.classes);
    }
    for (const [id, now] of next)
      if (this.shown.get(id)?.classes !== now.classes) now.node.addClass(now.classes);
    this.shown = next;
  }

  /** Selected node, its neighbours and the hovered node always show their labels. */
  private updatePins(band: number): void {
    const sel = this.cy.$('node:selected') as NodeCollection;
    let next = sel.nonempty() ? sel.closedNeighborhood().nodes() : (this.cy.collection() as NodeCollection);
    if (this.hovered && !this.hovered.removed()) next = next.union(this.hovered);
    const same = band === this.pinBand && this.low === this.pinLow;
    const gone = this.pinned.difference(next);
    const fresh = same ? next.difference(this.pinned) : next;
    gone.removeClass(`lod-pin ${pinBandClass(this.pinBand)}`);
    if (!same) this.pinned.removeClass(pinBandClass(this.pinBand));
    // lod-low only where no drawn level set it (a pinned node may be in one).
    this.pinned
      .difference(next)
      .union(same ? this.cy.collection() : this.pinned)
      .forEach((n) => {
        if (!this.shown.get(n.id())?.classes.includes('lod-low')) n.removeClass('lod-low');
      });
    fresh.addClass(`lod-pin ${pinBandClass(band)}`);
    if (this.low) fresh.addClass('lod-low');
    this.pinned = next;
    this.pinBand = band;
    this.pinLow = this.low;
  }

  private rank(): void {
    const nodes = this.cy.nodes('[kind]');
    const scored = nodes.map((n) => ({
      n,
      score: importanceScore(n.data('kind') as NodeKind, n.degree(false)),
      id: n.id(),
    }));
    // Ties broken by id, so a node's level does not depend on the order nodes were added in.
    scored.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const box = this.cy.container()?.getBoundingClientRect();
    this.top = Math.round(
      Math.max(15, Math.min(80, ((box?.width ?? 1000) * (box?.height ?? 800)) / AREA_PER_LABEL)),
    );
    const byLevel: NodeSingular[][] = [];
    scored.forEach(({ n }, rank) => (byLevel[levelOfRank(rank, this.top)] ??= []).push(n));
    // cy.collection takes an array of elements at run time; its typings only list collections.
    const levels = byLevel.map(
      (l) => this.cy.collection(l as unknown as cytoscape.CollectionArgument) as NodeCollection,
    );
    this.cy.batch(() => {
      // Only nodes that carry classes lose them (new nodes have none): O(labelled), not O(n).
      this.levels[0]?.removeClass('lod-top');
      for (const { node, classes } of this.shown.values()) node.removeClass(classes);
      this.pinned.removeClass(`lod-pin lod-low ${pinBandClass(this.pinBand)}`);
      this.levels = levels;
      this.levels[0]?.addClass('lod-top');
    });
    this.shown.clear();
    this.shownKey = '';
    this.pinned = this.cy.collection() as NodeCollection;
    this.pinBand = -1;
  }

  /** The zoom at which every node's centre fits the container (labels and padding left out). */
  private measureFit(): void {
    const box = this.cy.container()?.getBoundingClientRect();
    let x1 = Infinity;
    let y1 = Infinity;
    let x2 = -Infinity;
    let y2 = -Infinity;
    this.cy.nodes().forEach((n) => {
      const p = n.position();
      x1 = Math.min(x1, p.x);
      y1 = Math.min(y1, p.y);
      x2 = Math.max(x2, p.x);
      y2 = Math.max(y2, p.y);
    });
    const w = Math.max(x2 - x1, 1);
    const h = Math.max(y2 - y1, 1);
    const fit = box && Number.isFinite(w) ? Math.min(box.width / w, box.height / h) : 1;
    this.fitZoom = Math.max(this.cy.minZoom(), Math.min(this.cy.maxZoom(), fit));
  }
}
