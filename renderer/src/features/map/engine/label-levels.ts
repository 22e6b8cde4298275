/**
 * The numbers behind the map's label level of detail (level-of-detail.ts applies them to Cytoscape): the
 * importance score, the levels of ranks, the label budget per zoom, when a level is drawn, the font bands, and
 * the stylesheet rules for the classes. Pure; the method is described in level-of-detail.ts.
 */
import type { StylesheetJson } from 'cytoscape';
import type { NodeKind } from '../../../../../preload/contract';

/** Base label font (model px) of the stylesheet, and the outline and margin that go with it. */
export const BASE_FONT = 11;
const BASE_OUTLINE = 2;
const BASE_MARGIN = 4;
/** Screen size (px) aimed at for the top level's labels and for all others. */
export const TOP_PX = 13;
export const OTHER_PX = 11.5;
const MAX_BAND = 16;
/** Screen area (px²) per label at fit zoom: a 1000×800 canvas gets 40 labels. */
export const AREA_PER_LABEL = 20_000;

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

/** Class of a drawn level's labels in font band b, and of pinned labels (selected, hovered) in band b. */
export const bandClass = (b: number) => `lod-b${b}`;
export const pinBandClass = (b: number) => `lod-p${b}`;

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
    // Labelled nodes draw over unlabelled ones, so no node body covers a drawn label.
    {
      selector: 'node.lod-full, node.lod-pin',
      style: { label: 'data(display)', 'text-opacity': 1, 'z-index': 10 },
    },
    { selector: 'node.lod-half', style: { label: 'data(display)', 'text-opacity': 0.5, 'z-index': 5 } },
    { selector: 'node.lod-top', style: { 'font-weight': 600 } },
    // Pin bands first, so a node that is both pinned and in a drawn level takes the level's band.
    ...bands(pinBandClass),
    ...bands(bandClass),
    { selector: 'node.lod-pin', style: { 'text-opacity': 1, 'z-index': 20 } },
    // Zoomed out below LOW_DETAIL_ZOOM (level-of-detail.ts): no outline pass for the drawn levels; exports
    // (lod-all, below) keep it. Wrapping stays: 'text-wrap: none' drew "财务管理流程\n1012" as one line clipped
    // to the wrapped width ("务管理流程 10", seen at 10k nodes), so the '\n' labels need it.
    { selector: 'node.lod-low', style: { 'text-outline-width': 0 } },
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
