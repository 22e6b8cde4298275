/**
 * Which labels fit without covering each other: greedy placement in priority order, the way map renderers
 * declutter point labels (Mapbox GL's collision index, after Christensen, Marks & Shieber, "An empirical study of
 * algorithms for point-feature label placement", ACM TOG 14(3), 1995 — here with a single candidate position,
 * under the node, as Cytoscape draws it). Issue #6: at fit zoom, overlapping labels read as one wrong name
 * ("裁剪与生产计划与物料").
 *
 * Boxes are estimated from the text instead of measured (no canvas): a wide (CJK) character is 1 em, any other
 * 0.56 em (Noto Sans averages), a line 1.25 em. All in model coordinates, so the result does not change on pan.
 */
import { isWide } from './node-label';

/** A label to place: its node's centre and height, the text (lines split by '\n') and font size (model px). */
export interface LabelCandidate {
  x: number;
  y: number;
  nodeHeight: number;
  text: string;
  font: number;
}

export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

// Width (em) and line count per label text: the same texts are placed again at every zoom threshold.
const measured = new Map<string, { em: number; lines: number }>();

function measure(text: string): { em: number; lines: number } {
  let m = measured.get(text);
  if (!m) {
    const lines = text.split('\n');
    let em = 0;
    for (const line of lines) {
      let w = 0;
      for (const ch of line) w += isWide(ch) ? 1 : 0.56;
      em = Math.max(em, w);
    }
    m = { em, lines: lines.length };
    if (measured.size > 50_000) measured.clear();
    measured.set(text, m);
  }
  return m;
}

/** The label's box under its node (text-valign bottom, margin 4/11 em, as styles.ts), padded by 0.2 em. */
export function labelBox(c: LabelCandidate): Box {
  const { em, lines } = measure(c.text);
  const pad = 0.2 * c.font;
  const w = em * c.font + 2 * pad;
  const top = c.y + c.nodeHeight / 2 + (4 / 11) * c.font - pad;
  return { x1: c.x - w / 2, y1: top, x2: c.x + w / 2, y2: top + lines * 1.25 * c.font + 2 * pad };
}

const overlaps = (a: Box, b: Box) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

/**
 * Greedy placement: walks `candidates` in order (most important first) and keeps a label when its box overlaps
 * no kept box. Returns one flag per candidate. Kept boxes sit in a uniform grid (cell = the largest box's
 * height × 4), so each test looks at a few neighbours: about O(n) for labels of similar size.
 */
export function placeLabels(candidates: LabelCandidate[]): boolean[] {
  const boxes = candidates.map(labelBox);
  const cell = boxes.reduce((m, b) => Math.max(m, (b.y2 - b.y1) * 4), 1);
  // Cell (i, j) keyed as one number: i and j stay far below 2^26 for any map that fits in memory.
  const grid = new Map<number, Box[]>();
  const cells = (b: Box) => {
    const out: number[] = [];
    for (let i = Math.floor(b.x1 / cell); i <= Math.floor(b.x2 / cell); i++)
      for (let j = Math.floor(b.y1 / cell); j <= Math.floor(b.y2 / cell); j++) out.push(i * 67_108_864 + j);
    return out;
  };
  return boxes.map((b) => {
    const keys = cells(b);
    if (keys.some((k) => grid.get(k)?.some((o) => overlaps(b, o)))) return false;
    for (const k of keys) (grid.get(k) ?? grid.set(k, []).get(k)!).push(b);
    return true;
  });
}
