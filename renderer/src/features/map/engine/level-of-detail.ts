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
 * by font-size bands of √2 (the font never drops below the stylesheet's 11 model px).
 *
 * Cost: ranks and levels are computed on `add`/`remove` (O(n log n), batched per frame); the fit zoom on
 * `position`/`resize` (O(n), batched per frame). A zoom event costs O(levels) unless a level or a band threshold
 * is crossed; then only the nodes of the levels that change get new classes, in one `cy.batch`. Panning costs
 * nothing.
 */
import type cytoscape from 'cytoscape';
import type { Core, EventObject, NodeCollection, NodeSingular, StylesheetJson } from 'cytoscape';
import type { NodeKind } from '../../../../../preload/contract';

/** Base label font (model px) of the stylesheet, and the outline and margin that go with it. */
export const BASE_FONT = 11;
const BASE_OUTLINE = 2;
const BASE_MARGIN = 4;
/** Screen size (px) aimed at for the top level's labels and for all others. */
const TOP_PX = 13;
const OTHER_PX = 11.5;
const MAX_BAND = 16;
/** Screen area (px²) per label at fit zoom: a 1000×800 canvas gets 40 labels. */
const AREA_PER_LABEL = 20_000;

/** Kind weights of the importance score: processes and competencies first, then categories and people. */
export const KIND_WEIGHT: Record<NodeKind, number> = {
  process: 30,
  competency: 14,
  category: 10,
  unit: 6,
  expert: 6,
  step: 4,
  knowledge: 0,
  document: 0,
  term: -2,
};

/** Importance of a node: its kind's weight plus its degree (edges in either direction). */
export function importanceScore(kind: NodeKind, degree: number): number {
  return (KIND_WEIGHT[kind] ?? 0) + degree;
}

/** Level of rank `rank` (0 = most important): 0 below `top`, then one level per doubling. */
export function levelOfRank(rank: number, top: number): number {
  return rank < top ? 0 : 1 + Math.floor(Math.log2(rank / top));
}

/** How many labels to draw at `zoom`: `top·(zoom/fitZoom)²` (see the method above). */
export function labelBudget(zoom: number, fitZoom: number, top: number): number {
  return top * (zoom / fitZoom) ** 2;
}

export type LevelState = 'hidden' | 'half' | 'full';

/**
 * Whether level `level` (holding `size` nodes) is drawn for label budget `budget`: level 0 in full while the
 * budget is at least half its size (zoomed out to 71 % of fit, labels are twice as dense as at fit), at half
 * opacity down to a quarter, and always when it has at most 10 nodes; level i ≥ 1 in full once the budget covers
 * its last rank, at half opacity once the budget is 25 % past its first rank (so fit zoom draws level 0 only).
 */
export function levelState(level: number, size: number, budget: number, top: number): LevelState {
  if (level === 0) return size <= 10 || budget >= size / 2 ? 'full' : budget >= size / 4 ? 'half' : 'hidden';
  const start = top * 2 ** (level - 1);
  return budget >= 2 * start ? 'full' : budget >= 1.25 * start ? 'half' : 'hidden';
}

/**
 * The font band for drawing labels at about `targetPx` screen px at `zoom`: the smallest b ≥ 0 with
 * BASE_FONT·√2^b·zoom ≥ targetPx (capped at MAX_BAND). Band b means font-size BASE_FONT·√2^b model px.
 */
export function fontBand(zoom: number, targetPx: number): number {
  const b = Math.ceil(2 * Math.log2(targetPx / (BASE_FONT * zoom)) - 1e-9);
  return Math.max(0, Math.min(MAX_BAND, b));
}

const bandClass = (b: number) => `lod-b${b}`;
const pinBandClass = (b: number) => `lod-p${b}`;
const ALL_BANDS = Array.from({ length: MAX_BAND + 1 }, (_, b) => `${bandClass(b)} ${pinBandClass(b)}`).join(
  ' ',
);
const ALL_CLASSES = `lod-full lod-half lod-pin lod-top ${ALL_BANDS}`;

/**
 * Stylesheet rules for the classes this module sets; they go after the node rules. Unlabelled nodes carry no
 * label at all (Cytoscape then measures and draws no text); `lod-all` shows every label at the base size, for
 * exports.
 */
export function levelOfDetailStyles(): StylesheetJson {
  const band = (b: number) => {
    const f = Math.SQRT2 ** b;
    return {
      'font-size': +(BASE_FONT * f).toFixed(2),
      'text-outline-width': +(BASE_OUTLINE * f).toFixed(2),
      'text-margin-y': +(BASE_MARGIN * f).toFixed(2),
    };
  };
  const bands = (cls: (b: number) => string) =>
    Array.from({ length: MAX_BAND + 1 }, (_, b) => ({ selector: `node.${cls(b)}`, style: band(b) }));
  return [
    { selector: 'node', style: { label: '' } },
    { selector: 'node.lod-full, node.lod-pin', style: { label: 'data(display)', 'text-opacity': 1 } },
    { selector: 'node.lod-half', style: { label: 'data(display)', 'text-opacity': 0.5 } },
    { selector: 'node.lod-top', style: { 'font-weight': 600 } },
    // Pin bands first, so a node that is both pinned and in a drawn level takes the level's band.
    ...bands(pinBandClass),
    ...bands(bandClass),
    { selector: 'node.lod-pin', style: { 'text-opacity': 1, 'z-index': 20 } },
    {
      selector: 'node.lod-all',
      style: {
        label: 'data(display)',
        'text-opacity': 1,
        'font-size': BASE_FONT,
        'text-outline-width': BASE_OUTLINE,
        'text-margin-y': BASE_MARGIN,
        // Exports draw at the on-screen zoom's texture level, where 11 px may fall below the 7 px minimum.
        'min-zoomed-font-size': 0,
      },
    },
  ] as StylesheetJson;
}

/** Keeps the label classes of one Cytoscape instance in step with its zoom. One per GraphEngine. */
export class LevelOfDetail {
  private levels: NodeCollection[] = [];
  private states: Array<{ state: LevelState; band: number }> = [];
  private pinned: NodeCollection;
  private pinBand = -1;
  private fitZoom = 1;
  private top = 40;
  private hovered: NodeSingular | null = null;
  private frame = 0;
  private dirty = { ranks: true, fit: true };
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
    on('resize', null, () => this.schedule('fit'));
    on('zoom', null, () => this.schedule());
    on('select unselect', 'node', () => this.schedule());
    on('mouseover', 'node', (e) => {
      this.hovered = e.target as NodeSingular;
      this.schedule();
    });
    on('mouseout', 'node', () => {
      this.hovered = null;
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
   * zoom on screen), then restores the classes. O(n) twice.
   */
  withAllLabels<T>(fn: () => T): T {
    this.cy.batch(() => this.cy.nodes().addClass('lod-all'));
    try {
      return fn();
    } finally {
      this.cy.batch(() => this.cy.nodes().removeClass('lod-all'));
    }
  }

  /** Number of nodes whose label is drawn (in full or at half opacity), for tests and the benchmark. */
  labelledCount(): number {
    return this.cy.nodes('.lod-full, .lod-half, .lod-pin').length;
  }

  destroy(): void {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.offs.forEach((off) => off());
  }

  private schedule(what?: 'ranks' | 'fit'): void {
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
    if (this.dirty.ranks) this.rank();
    if (this.dirty.fit) this.measureFit();
    this.dirty = { ranks: false, fit: false };
    const zoom = cy.zoom();
    const budget = labelBudget(zoom, this.fitZoom, this.top);
    const topBand = fontBand(zoom, TOP_PX);
    const otherBand = fontBand(zoom, OTHER_PX);
    cy.batch(() => {
      this.levels.forEach((nodes, i) => {
        const state = levelState(i, nodes.length, budget, this.top);
        const band = i === 0 ? topBand : otherBand;
        const prev = this.states[i]!;
        if (prev.state === state && (state === 'hidden' || prev.band === band)) return;
        nodes.removeClass(`lod-full lod-half ${bandClass(prev.band)}`);
        if (state !== 'hidden') nodes.addClass(`lod-${state} ${bandClass(band)}`);
        this.states[i] = { state, band };
      });
      this.updatePins(otherBand);
    });
  }

  /** Selected node, its neighbours and the hovered node always show their labels. */
  private updatePins(band: number): void {
    const sel = this.cy.$('node:selected') as NodeCollection;
    let next = sel.nonempty() ? sel.closedNeighborhood().nodes() : (this.cy.collection() as NodeCollection);
    if (this.hovered && !this.hovered.removed()) next = next.union(this.hovered);
    const gone = this.pinned.difference(next);
    const fresh = band === this.pinBand ? next.difference(this.pinned) : next;
    gone.removeClass(`lod-pin ${pinBandClass(this.pinBand)}`);
    if (band !== this.pinBand) this.pinned.removeClass(pinBandClass(this.pinBand));
    fresh.addClass(`lod-pin ${pinBandClass(band)}`);
    this.pinned = next;
    this.pinBand = band;
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
      nodes.removeClass(ALL_CLASSES);
      this.levels = levels;
      this.levels[0]?.addClass('lod-top');
    });
    this.states = this.levels.map(() => ({ state: 'hidden', band: 0 }));
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
