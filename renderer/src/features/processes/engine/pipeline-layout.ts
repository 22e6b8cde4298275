/**
 * The maintained layered layout of a process pipeline (issue 7): a pure function of the pipeline, so the same
 * process always gets the same picture. Steps stand in columns by `layer` (left to right) and rows by `row`;
 * each step carries its satellites — required knowledge stacked above it, produced knowledge below, experts to
 * consult and templates in a column beside it. A satellite is a copy per step (one item required by five steps
 * shows five times, each where it is used), so flows can be drawn from the step producing an item to each step
 * requiring it, and a satellite moves with its step.
 *
 * Positions are model px of node centres. Rows are as tall as their tallest step with its satellites, so no two
 * boxes overlap whatever the counts are.
 *
 * Also here, as pure functions of the same data: moving between steps with the arrow keys (stepInDirection),
 * whether the steps form one straight line (isStraight, for earlier / later) and breaking a box's label to
 * its width (fitLabel).
 */
import type { Pipeline, PipelineStep, StrengthBand } from '../../../../../preload/contract';

/** Sizes of the boxes (model px), shared with the stylesheet. */
export const SIZES = {
  stepW: 136,
  stepH: 60,
  itemW: 136,
  itemH: 32,
  sideW: 92,
  sideH: 32,
  gap: 6,
  /** Between a step and its satellites above and below. */
  stackGap: 14,
  /** Between a step's side column and the next column's boxes. */
  columnGap: 26,
  rowGap: 40,
} as const;

/** Horizontal pitch of the columns: a step with its side column and the gap to the next. */
export const COLUMN_PITCH = SIZES.stepW / 2 + 8 + SIZES.sideW + SIZES.columnGap + SIZES.stepW / 2;

/** What a satellite is to its step. */
export type SatelliteRole = 'req' | 'prod' | 'tpl' | 'exp';

/** One box of the pipeline picture. */
export interface LaidNode {
  /** Element id: the step id for steps, `${role}:${stepId}:${refId}` for satellites. */
  id: string;
  role: 'step' | SatelliteRole;
  /** The graph node it shows (step, knowledge item or expert). */
  refId: string;
  /** The step it belongs to (itself for a step). */
  stepId: string;
  label: string;
  band: StrengthBand;
  strength: number | null;
  x: number;
  y: number;
}

/** One line of the pipeline picture. */
export interface LaidEdge {
  id: string;
  source: string;
  target: string;
  role: 'next' | 'flow' | 'member';
  /** For member lines: which satellite kind (for its style). */
  satellite?: SatelliteRole;
}

/** The whole picture, and each satellite's offset from its step. */
export interface PipelineLayout {
  nodes: LaidNode[];
  edges: LaidEdge[];
}

/** Element id of a step's satellite. */
export const satelliteId = (role: SatelliteRole, stepId: string, refId: string) =>
  `${role}:${stepId}:${refId}`;

const stack = (n: number, h: number) => (n === 0 ? 0 : n * h + (n - 1) * SIZES.gap);

/** How far a step's satellites reach above and below its centre. */
function extent(s: PipelineStep): { above: number; below: number } {
  const side = stack(s.consults.length + s.templates.length, SIZES.sideH);
  const above =
    SIZES.stepH / 2 + (s.requires.length ? SIZES.stackGap + stack(s.requires.length, SIZES.itemH) : 0);
  const below = Math.max(
    SIZES.stepH / 2 + (s.produces.length ? SIZES.stackGap + stack(s.produces.length, SIZES.itemH) : 0),
    side - SIZES.stepH / 2,
  );
  return { above, below };
}

/**
 * Lays out `pipeline`: step centres at x = layer × COLUMN_PITCH, rows stacked top to bottom, satellites around
 * their step. Deterministic (a function of layer, row and the order of the id lists only).
 */
export function layoutPipeline(pipeline: Pipeline): PipelineLayout {
  const items = new Map(pipeline.items.map((i) => [i.id, i]));
  const experts = new Map(pipeline.experts.map((e) => [e.id, e]));
  const rows = new Map<number, { above: number; below: number }>();
  for (const s of pipeline.steps) {
    const e = extent(s);
    const r = rows.get(s.row) ?? { above: 0, below: 0 };
    rows.set(s.row, { above: Math.max(r.above, e.above), below: Math.max(r.below, e.below) });
  }
  const rowY = new Map<number, number>();
  let y = 0;
  for (const r of [...rows.keys()].sort((a, b) => a - b)) {
    const { above, below } = rows.get(r)!;
    rowY.set(r, y + above);
    y += above + below + SIZES.rowGap;
  }
  const nodes: LaidNode[] = [];
  const edges: LaidEdge[] = [];
  for (const s of pipeline.steps) {
    const x = s.layer * COLUMN_PITCH;
    const sy = rowY.get(s.row)!;
    nodes.push({
      id: s.id,
      role: 'step',
      refId: s.id,
      stepId: s.id,
      label: s.label,
      band: s.strength.band,
      strength: s.strength.strength,
      x,
      y: sy,
    });
    const item = (role: SatelliteRole, refId: string, nx: number, ny: number) => {
      const it = items.get(refId);
      const ex = experts.get(refId);
      const id = satelliteId(role, s.id, refId);
      nodes.push({
        id,
        role,
        refId,
        stepId: s.id,
        label: it?.label ?? ex?.label ?? refId,
        band: it?.band ?? 'none',
        strength: it?.strength ?? null,
        x: nx,
        y: ny,
      });
      const out = role === 'prod';
      edges.push({
        id: `m:${id}`,
        source: out ? s.id : id,
        target: out ? id : s.id,
        role: 'member',
        satellite: role,
      });
    };
    const pitch = SIZES.itemH + SIZES.gap;
    const top = sy - SIZES.stepH / 2 - SIZES.stackGap - SIZES.itemH / 2;
    // The first required item sits nearest the step.
    s.requires.forEach((id, i) => item('req', id, x, top - i * pitch));
    const bottom = sy + SIZES.stepH / 2 + SIZES.stackGap + SIZES.itemH / 2;
    s.produces.forEach((id, i) => item('prod', id, x, bottom + i * pitch));
    const sideX = x + SIZES.stepW / 2 + 8 + SIZES.sideW / 2;
    const sideTop = sy - SIZES.stepH / 2 + SIZES.sideH / 2;
    const side: Array<[SatelliteRole, string]> = [
      ...s.consults.map((id): [SatelliteRole, string] => ['exp', id]),
      ...s.templates.map((id): [SatelliteRole, string] => ['tpl', id]),
    ];
    side.forEach(([role, id], i) => item(role, id, sideX, sideTop + i * (SIZES.sideH + SIZES.gap)));
  }
  const present = new Set(nodes.map((n) => n.id));
  for (const e of pipeline.nextEdges) {
    if (present.has(e.source) && present.has(e.target))
      edges.push({ id: e.id, source: e.source, target: e.target, role: 'next' });
  }
  for (const f of pipeline.flows) {
    const source = satelliteId('prod', f.from, f.itemId);
    const target = [satelliteId('req', f.to, f.itemId), satelliteId('tpl', f.to, f.itemId)].find((t) =>
      present.has(t),
    );
    if (!present.has(source) || !target) continue;
    edges.push({ id: `flow:${f.from}:${f.to}:${f.itemId}`, source, target, role: 'flow' });
  }
  return { nodes, edges };
}

/** A direction the arrow keys move the selection in. */
export type StepDirection = 'left' | 'right' | 'up' | 'down';

/**
 * The step the arrow key `dir` moves the selection to from `from` (null: the first step): Left/Right go to the
 * previous/next layer (a `next` successor or predecessor first, else the nearest row of that layer), Up/Down to
 * the row above/below in the same layer. Returns `from` when there is nowhere to go.
 */
export function stepInDirection(
  steps: ReadonlyArray<Pick<PipelineStep, 'id' | 'layer' | 'row' | 'next'>>,
  from: string | null,
  dir: StepDirection,
): string | null {
  const sorted = [...steps].sort((a, b) => a.layer - b.layer || a.row - b.row);
  const cur = steps.find((s) => s.id === from);
  if (!cur) return sorted[0]?.id ?? null;
  if (dir === 'up' || dir === 'down') {
    const same = sorted.filter((s) => s.layer === cur.layer);
    const i = same.indexOf(cur) + (dir === 'down' ? 1 : -1);
    return same[i]?.id ?? cur.id;
  }
  const layer = cur.layer + (dir === 'right' ? 1 : -1);
  const linked = steps.filter(
    (s) => s.layer === layer && (dir === 'right' ? cur.next.includes(s.id) : s.next.includes(cur.id)),
  );
  const pool = linked.length ? linked : steps.filter((s) => s.layer === layer);
  if (!pool.length) return cur.id;
  return [...pool].sort((a, b) => Math.abs(a.row - cur.row) - Math.abs(b.row - cur.row) || a.row - b.row)[0]!
    .id;
}

/** The steps in `order` order (ties by id, so every caller sees the same sequence). */
export function inOrder<T extends Pick<PipelineStep, 'id' | 'order' | 'next'>>(steps: readonly T[]): T[] {
  return [...steps].sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Whether the `next` edges of a process form one straight line through all its steps: every step has at most
 * one successor and one predecessor among the steps of the process, and walking from the one step without a
 * predecessor reaches every step (no branch, no join, no ring, no second chain). No steps or one step is straight.
 *
 * Only then may a step move earlier or later: the main process refuses `moveStep` otherwise
 * (errors.moveNeedsStraightProcess), because the step orders and the drawn flow would disagree.
 */
export function isStraight(steps: readonly Pick<PipelineStep, 'id' | 'order' | 'next'>[]): boolean {
  const ids = new Set(steps.map((s) => s.id));
  const succ = new Map<string, string>();
  const preds = new Map<string, number>();
  for (const s of steps) {
    const next = [...new Set(s.next)].filter((id) => ids.has(id));
    if (next.length > 1) return false;
    if (next[0] !== undefined) {
      succ.set(s.id, next[0]);
      preds.set(next[0], (preds.get(next[0]) ?? 0) + 1);
    }
  }
  if ([...preds.values()].some((n) => n > 1)) return false;
  const starts = steps.filter((s) => !preds.has(s.id));
  if (starts.length !== 1) return steps.length === 0;
  const seen = new Set<string>();
  for (let at: string | undefined = starts[0]!.id; at !== undefined && !seen.has(at); at = succ.get(at))
    seen.add(at);
  return seen.size === ids.size;
}

/** Options of fitLabel. */
export interface FitLabelOptions {
  /** Widest a line may be, in the unit `measure` answers (px on the canvas). */
  maxWidth: number;
  /** Most lines drawn; the last one ends in "…" when the text goes on. */
  maxLines: number;
  /** Width of a string as it is drawn (canvas `measureText`, or a stand-in in tests). */
  measure: (text: string) => number;
}

const ELLIPSIS = '…';

/**
 * Breaks `label` into at most `maxLines` lines no wider than `maxWidth`, joined by "\n", cutting the last line
 * with "…" when the text does not fit. Greedy first-fit line breaking: a line breaks at the last space that fits
 * (Latin words stay whole), else between any two characters (Chinese has no spaces, and a word wider than the
 * line must break somewhere). Whitespace runs count as one space; the result has no leading or trailing space.
 *
 * Why not Cytoscape's own wrapping: `text-wrap: wrap` breaks only at spaces (a 500-character Chinese name is one
 * line across its neighbours) and has no line limit, and `ellipsis` allows only one line. Cytoscape draws the
 * lines given here as they are when each fits its `text-max-width`.
 */
export function fitLabel(label: string, { maxWidth, maxLines, measure }: FitLabelOptions): string {
  const text = label.replace(/\s+/g, ' ').trim();
  const lines: string[] = [];
  let rest = text;
  while (rest && lines.length < maxLines) {
    if (measure(rest) <= maxWidth) {
      lines.push(rest);
      rest = '';
      break;
    }
    const chars = Array.from(rest);
    // The longest prefix that fits (at least one character, so a very narrow box still makes progress).
    let fit = 1;
    while (fit < chars.length && measure(chars.slice(0, fit + 1).join('')) <= maxWidth) fit++;
    const prefix = chars.slice(0, fit).join('');
    const space = prefix.lastIndexOf(' ');
    const atSpace = chars[fit] === ' ' ? prefix.length : space > 0 ? space : -1;
    const line = atSpace > 0 ? prefix.slice(0, atSpace) : prefix;
    lines.push(line.trimEnd());
    rest = rest.slice(line.length).trimStart();
  }
  if (rest && lines.length) {
    // Text is left over: the last line makes room for the ellipsis.
    const chars = Array.from(lines[lines.length - 1]!);
    while (chars.length && measure(chars.join('').trimEnd() + ELLIPSIS) > maxWidth) chars.pop();
    lines[lines.length - 1] = chars.join('').trimEnd() + ELLIPSIS;
  }
  return lines.join('\n');
}
