/**
 * Graph exports that stand on their own (issue #6, and issue 9.6 for every graph view): the whole drawing with
 * every label as real text, a title (workspace, view, date) above it and a legend below it, in PNG and in SVG.
 * The map, the pipeline and the core-competence diagram all export through here, each with its own legend.
 *
 * PNG: `cy.png` draws the graph; a canvas gets the title band, that image and the legend band. SVG: cytoscape-svg's
 * document is nested, untouched, in an outer <svg> that adds <text> for the title and shapes and <text> for the
 * legend. Both use one layout (legendLayout) and one set of shape outlines (shapePath), so they agree.
 */
import cytoscape, { type Core } from 'cytoscape';
import { NODE_KINDS, type NodeKind, type ShownGraph } from '../../../../../preload/contract';
import { FONT, KIND_STYLE } from './styles';

/** What every export puts around the drawing. Colours are CSS colours. */
export interface ExportFrame {
  /** Page colour behind everything (the theme's canvas colour). */
  background: string;
  /** Colour of the title and legend text. */
  color: string;
  /** One line above the drawing, e.g. "锦绣服饰知识地图 · 知识地图 · 2026年12月1日". */
  title: string;
  /** The legend below the drawing, in reading order (empty: no legend band). */
  legend: LegendEntry[];
}

/** What a canvas draws now, for the offline HTML snapshot of exactly that (export:snapshot `shown`, less its title). */
export type ShownElements = Omit<ShownGraph, 'title'>;

let svgRegistered: Promise<void> | null = null;
/** Registers cytoscape-svg (`cy.svg()`, labels as real <text>) once, loading it on first use. */
export function ensureSvgExport(): Promise<void> {
  svgRegistered ??= import('cytoscape-svg').then((m) => cytoscape.use(m.default));
  return svgRegistered;
}

/** Runs `fn` as it is: for engines that always draw every label. */
export const asDrawn: WithAllLabels = (fn) => fn();

/** What the map's export adds around the map: the frame's colours and title, and what its kinds' legend says. */
export interface ExportDecor extends Omit<ExportFrame, 'legend'> {
  /** Translated name of a node kind, for the legend. */
  kindLabel: (kind: NodeKind) => string;
  /** Legend entry of the dashed border of tacit knowledge items. */
  tacitLabel: string;
  /**
   * When the map is coloured by community: the communities' legend entries (label, colour). Colour then no longer
   * tells the kind, so the kinds' entries show their shapes in a neutral grey.
   */
  communities?: Array<{ label: string; color: string }>;
}

/** The kinds' swatch colour while colour stands for communities. */
const NEUTRAL = '#94a3b8';

/** One legend entry: a shape in a colour (dashed outline only for tacit knowledge) and its label. */
export interface LegendEntry {
  label: string;
  shape: string;
  color: string;
  dashed: boolean;
}

/** Runs a function with every label drawn (LevelOfDetail.withAllLabels). */
export type WithAllLabels = <T>(fn: () => T) => T;

const PAD = 16;
const TITLE_SIZE = 18;
const TITLE_BAND = 44;
const LEGEND_SIZE = 12;
const ROW = 22;
const SWATCH = 12;
const GAP = 20;

/** Legend entries for the kinds of the nodes on the map (NODE_KINDS order), plus tacit knowledge if shown. */
export function legendEntries(cy: Core, decor: ExportDecor): LegendEntry[] {
  const kinds = new Set<string>();
  let tacit = false;
  cy.nodes('[kind]').forEach((n) => {
    kinds.add(n.data('kind') as string);
    if (n.data('form') === 'tacit') tacit = true;
  });
  const byCommunity = (decor.communities?.length ?? 0) > 0;
  const entries: LegendEntry[] = NODE_KINDS.filter((k) => kinds.has(k)).map((k) => ({
    label: decor.kindLabel(k),
    shape: KIND_STYLE[k].shape,
    color: byCommunity ? NEUTRAL : KIND_STYLE[k].color,
    dashed: false,
  }));
  if (tacit)
    entries.push({
      label: decor.tacitLabel,
      shape: 'ellipse',
      color: byCommunity ? NEUTRAL : KIND_STYLE.knowledge.color,
      dashed: true,
    });
  for (const c of decor.communities ?? [])
    entries.push({ label: c.label, shape: 'ellipse', color: c.color, dashed: false });
  return entries;
}

/**
 * Flows legend entries into rows across `width` px: each entry takes a swatch, 6 px, its text width
 * (`measure`, px at LEGEND_SIZE) and a 20 px gap. Returns entry positions (swatch centre) and the band height.
 */
export function legendLayout(
  entries: LegendEntry[],
  width: number,
  measure: (text: string) => number,
): { items: Array<LegendEntry & { x: number; y: number }>; height: number } {
  const items: Array<LegendEntry & { x: number; y: number }> = [];
  let x = PAD;
  let y = PAD / 2 + ROW / 2;
  for (const e of entries) {
    const w = SWATCH + 6 + measure(e.label);
    if (x > PAD && x + w > width - PAD) {
      x = PAD;
      y += ROW;
    }
    items.push({ ...e, x: x + SWATCH / 2, y });
    x += w + GAP;
  }
  return { items, height: entries.length ? y + ROW / 2 + PAD / 2 : 0 };
}

/**
 * SVG path data of a Cytoscape node shape centred on (cx, cy) with radius r (px), close enough for a legend
 * swatch. Unknown shapes draw as a circle.
 */
export function shapePath(shape: string, cx: number, cy: number, r: number): string {
  const poly = (pts: Array<[number, number]>) =>
    `M ${pts.map(([x, y]) => `${(cx + x * r).toFixed(2)} ${(cy + y * r).toFixed(2)}`).join(' L ')} Z`;
  switch (shape) {
    case 'diamond':
      return poly([
        [0, -1],
        [1, 0],
        [0, 1],
        [-1, 0],
      ]);
    case 'round-rectangle':
    case 'barrel':
      return poly([
        [-0.8, -0.8],
        [0.8, -0.8],
        [1, -0.5],
        [1, 0.5],
        [0.8, 0.8],
        [-0.8, 0.8],
        [-1, 0.5],
        [-1, -0.5],
      ]);
    case 'cut-rectangle':
      return poly([
        [-0.6, -0.8],
        [0.6, -0.8],
        [1, -0.4],
        [1, 0.4],
        [0.6, 0.8],
        [-0.6, 0.8],
        [-1, 0.4],
        [-1, -0.4],
      ]);
    case 'hexagon':
      return poly([
        [-0.5, -0.87],
        [0.5, -0.87],
        [1, 0],
        [0.5, 0.87],
        [-0.5, 0.87],
        [-1, 0],
      ]);
    case 'tag':
    case 'round-tag':
      return poly([
        [-1, -0.8],
        [0.4, -0.8],
        [1, 0],
        [0.4, 0.8],
        [-1, 0.8],
      ]);
    case 'rhomboid':
      return poly([
        [-0.5, -0.8],
        [1, -0.8],
        [0.5, 0.8],
        [-1, 0.8],
      ]);
    default:
      return `M ${cx - r} ${cy} A ${r} ${r} 0 1 0 ${cx + r} ${cy} A ${r} ${r} 0 1 0 ${cx - r} ${cy} Z`;
  }
}

/** Text width in px at `size` in the map's font, measured on a canvas. */
function measurer(size: number, weight = 'normal'): (text: string) => number {
  const ctx = document.createElement('canvas').getContext('2d')!;
  ctx.font = `${weight} ${size}px ${FONT}`;
  return (text) => ctx.measureText(text).width;
}

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('The map image could not be decoded.'));
    img.src = src;
  });
}

/**
 * PNG (data: URL) of the whole drawing at 2× with the title band above and the legend below, on `decor.background`.
 * The bare map image (`cy.png({ full: true, scale: 2 })`) sits centred in the middle band, so the file is taller
 * than it by the two bands.
 * @throws Error when the browser cannot decode the map image.
 */
export async function composePng(
  cy: Core,
  decor: ExportFrame,
  withAllLabels: WithAllLabels = asDrawn,
): Promise<string> {
  const scale = 2;
  const map = await loadImage(
    withAllLabels(() => cy.png({ full: true, scale, bg: decor.background, output: 'base64uri' }) as string),
  );
  const width = Math.max(map.width / scale, measurer(TITLE_SIZE, '600')(decor.title) + 2 * PAD, 360);
  const legend = legendLayout(decor.legend, width, measurer(LEGEND_SIZE));
  const height = TITLE_BAND + map.height / scale + legend.height;
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(width * scale);
  canvas.height = Math.ceil(height * scale);
  const ctx = canvas.getContext('2d')!;
  ctx.scale(scale, scale);
  ctx.fillStyle = decor.background;
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = decor.color;
  ctx.textBaseline = 'middle';
  ctx.font = `600 ${TITLE_SIZE}px ${FONT}`;
  ctx.fillText(decor.title, PAD, TITLE_BAND / 2);
  ctx.drawImage(map, (width - map.width / scale) / 2, TITLE_BAND, map.width / scale, map.height / scale);
  ctx.font = `${LEGEND_SIZE}px ${FONT}`;
  const top = TITLE_BAND + map.height / scale;
  for (const it of legend.items) {
    const path = new Path2D(shapePath(it.shape, it.x, top + it.y, SWATCH / 2));
    if (it.dashed) {
      ctx.setLineDash([3, 2]);
      ctx.strokeStyle = it.color;
      ctx.lineWidth = 1.5;
      ctx.stroke(path);
      ctx.setLineDash([]);
    } else {
      ctx.fillStyle = it.color;
      ctx.fill(path);
    }
    ctx.fillStyle = decor.color;
    ctx.fillText(it.label, it.x + SWATCH / 2 + 6, top + it.y);
  }
  return canvas.toDataURL('image/png');
}

const escapeXml = (s: string) =>
  s.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!,
  );

/**
 * SVG document of the whole drawing: cytoscape-svg's drawing (labels as <text>, one element per line) nested in an
 * outer <svg> with the title and the legend as <text> and <path> elements. Requires ensureSvgExport() first.
 */
export function composeSvg(cy: Core, decor: ExportFrame, withAllLabels: WithAllLabels = asDrawn): string {
  const inner = withAllLabels(() =>
    (cy as unknown as { svg(o: object): string }).svg({ full: true, scale: 1, bg: decor.background }),
  );
  const open = /^<svg\b[^>]*>/.exec(inner.trim());
  const num = (attr: string) => Number(new RegExp(`\\s${attr}="([\\d.]+)"`).exec(open?.[0] ?? '')?.[1] ?? 0);
  const mapW = num('width');
  const mapH = num('height');
  const width = Math.max(mapW, measurer(TITLE_SIZE, '600')(decor.title) + 2 * PAD, 360);
  const legend = legendLayout(decor.legend, width, measurer(LEGEND_SIZE));
  const height = TITLE_BAND + mapH + legend.height;
  const top = TITLE_BAND + mapH;
  const nested = inner
    .trim()
    .replace(/^<svg\b/, `<svg x="${((width - mapW) / 2).toFixed(1)}" y="${TITLE_BAND}"`);
  const font = `font-family="${escapeXml(FONT)}"`;
  const legendSvg = legend.items
    .map((it) => {
      const d = shapePath(it.shape, it.x, top + it.y, SWATCH / 2);
      const shape = it.dashed
        ? `<path d="${d}" fill="none" stroke="${it.color}" stroke-width="1.5" stroke-dasharray="3 2"/>`
        : `<path d="${d}" fill="${it.color}"/>`;
      const x = (it.x + SWATCH / 2 + 6).toFixed(1);
      return `${shape}<text x="${x}" y="${(top + it.y).toFixed(1)}" dominant-baseline="central">${escapeXml(it.label)}</text>`;
    })
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${Math.ceil(width)}" height="${Math.ceil(height)}" ` +
    `viewBox="0 0 ${Math.ceil(width)} ${Math.ceil(height)}">` +
    `<rect width="100%" height="100%" fill="${escapeXml(decor.background)}"/>` +
    `<text x="${PAD}" y="${TITLE_BAND / 2}" dominant-baseline="central" ${font} font-size="${TITLE_SIZE}" ` +
    `font-weight="600" fill="${escapeXml(decor.color)}">${escapeXml(decor.title)}</text>` +
    nested +
    `<g class="legend" ${font} font-size="${LEGEND_SIZE}" fill="${escapeXml(decor.color)}">${legendSvg}</g>` +
    `</svg>`
  );
}
