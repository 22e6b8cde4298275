/**
 * The pipeline canvas's Cytoscape stylesheet: steps filled with their strength band's colour and labelled with
 * their number; satellites by kind — required knowledge (blue, framed in its own band's colour), produced
 * knowledge (teal), templates (cut corners, amber-brown), experts (ellipses, orange); `next` arrows solid,
 * knowledge flows curved and dashed.
 */
import type { StylesheetJson } from 'cytoscape';
import type { Theme } from '../../../app/store';
import { BAND_COLOURS } from '../../../ui/strength-bands';
import { SIZES, type LaidNode } from './pipeline-layout';

/** Cytoscape's default font family, named so the engine measures labels in the font they are drawn in. */
export const LABEL_FONT_FAMILY = 'Helvetica Neue, Helvetica, sans-serif';

/**
 * How each kind of box draws its label: font size (px), weight and the widest a line may be (model px, the
 * box's width less its padding; ellipses lose more at their ends). The engine breaks labels to these widths
 * (fitLabel in pipeline-layout.ts) and the stylesheet sets them, so both read one source.
 */
export const LABEL_BOXES: Record<
  LaidNode['role'],
  { size: number; weight: 'bold' | 'normal'; width: number }
> = {
  step: { size: 15, weight: 'bold', width: SIZES.stepW - 12 },
  req: { size: 12, weight: 'normal', width: SIZES.itemW - 10 },
  prod: { size: 12, weight: 'normal', width: SIZES.itemW - 10 },
  tpl: { size: 11, weight: 'normal', width: SIZES.sideW - 8 },
  exp: { size: 11, weight: 'normal', width: SIZES.sideW - 14 },
};

const PALETTE = {
  light: {
    text: '#1f2937',
    muted: '#6b7280',
    req: '#dbeafe',
    prod: '#ccfbf1',
    tpl: '#fef3c7',
    exp: '#ffedd5',
    line: '#94a3b8',
    next: '#475569',
    flow: '#0f766e',
    select: '#2563eb',
  },
  dark: {
    text: '#e5e7eb',
    muted: '#9aa3b2',
    req: '#1e3a5f',
    prod: '#134e4a',
    tpl: '#4a3a12',
    exp: '#4a2a12',
    line: '#4b5563',
    next: '#cbd5e1',
    flow: '#2dd4bf',
    select: '#60a5fa',
  },
} as const;

/**
 * The satellites' legend swatches in `theme` (exports): required, produced, template, expert — each a Cytoscape
 * shape and its fill, as the stylesheet below draws them.
 */
export function satelliteSwatches(
  theme: Theme,
): Record<'req' | 'prod' | 'tpl' | 'exp', { shape: string; color: string }> {
  const p = PALETTE[theme];
  return {
    req: { shape: 'round-rectangle', color: p.req },
    prod: { shape: 'round-rectangle', color: p.prod },
    tpl: { shape: 'cut-rectangle', color: p.tpl },
    exp: { shape: 'ellipse', color: p.exp },
  };
}

/** The stylesheet for `theme`. */
export function pipelineStylesheet(theme: Theme): StylesheetJson {
  const p = PALETTE[theme];
  const band = (b: keyof typeof BAND_COLOURS) => BAND_COLOURS[b];
  return [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        'font-size': LABEL_BOXES.req.size,
        'font-family': LABEL_FONT_FAMILY,
        color: p.text,
        'text-valign': 'center',
        'text-halign': 'center',
        'text-wrap': 'wrap',
        'text-max-width': `${LABEL_BOXES.req.width}px`,
        width: SIZES.itemW,
        height: SIZES.itemH,
        shape: 'round-rectangle',
        'border-width': 1,
        'border-color': p.line,
      },
    },
    {
      selector: 'node[role = "step"]',
      style: {
        width: SIZES.stepW,
        height: SIZES.stepH,
        'font-size': LABEL_BOXES.step.size,
        'font-weight': LABEL_BOXES.step.weight,
        'text-max-width': `${LABEL_BOXES.step.width}px`,
        'border-width': 2,
        'border-color': p.next,
      },
    },
    ...(['weak', 'medium', 'strong', 'none'] as const).map((b) => ({
      selector: `node[role = "step"][band = "${b}"]`,
      style: { 'background-color': band(b).fill, color: band(b).text },
    })),
    { selector: 'node[role = "step"][band = "none"]', style: { 'border-style': 'dashed' as const } },
    { selector: 'node[role = "req"]', style: { 'background-color': p.req, 'border-width': 3 } },
    ...(['weak', 'medium', 'strong'] as const).map((b) => ({
      selector: `node[role = "req"][band = "${b}"]`,
      style: { 'border-color': band(b).fill },
    })),
    { selector: 'node[role = "prod"]', style: { 'background-color': p.prod } },
    {
      selector: 'node[role = "tpl"]',
      style: {
        'background-color': p.tpl,
        shape: 'cut-rectangle',
        width: SIZES.sideW,
        height: SIZES.sideH,
        'font-size': LABEL_BOXES.tpl.size,
        'text-max-width': `${LABEL_BOXES.tpl.width}px`,
      },
    },
    {
      selector: 'node[role = "exp"]',
      style: {
        'background-color': p.exp,
        shape: 'ellipse',
        width: SIZES.sideW,
        height: SIZES.sideH,
        'font-size': LABEL_BOXES.exp.size,
        'text-max-width': `${LABEL_BOXES.exp.width}px`,
      },
    },
    { selector: 'node[role != "step"]', style: { 'text-events': 'no' } },
    {
      selector: 'node:selected',
      style: { 'border-width': 4, 'border-color': p.select, 'overlay-opacity': 0 },
    },
    { selector: 'node.drop-target', style: { 'border-width': 5, 'border-color': p.select } },
    {
      selector: 'edge',
      style: { width: 1, 'line-color': p.line, 'curve-style': 'straight', 'overlay-opacity': 0 },
    },
    { selector: 'edge[role = "member"]', style: { opacity: 0.7 } },
    {
      selector: 'edge[role = "member"][satellite = "req"], edge[role = "member"][satellite = "prod"]',
      style: { 'target-arrow-shape': 'triangle', 'target-arrow-color': p.line, 'arrow-scale': 0.6 },
    },
    {
      selector: 'edge[role = "next"]',
      style: {
        width: 3,
        'line-color': p.next,
        'target-arrow-shape': 'triangle',
        'target-arrow-color': p.next,
        'curve-style': 'bezier',
      },
    },
    {
      selector: 'edge[role = "flow"]',
      style: {
        width: 1.5,
        'line-style': 'dashed',
        'line-color': p.flow,
        'target-arrow-shape': 'vee',
        'target-arrow-color': p.flow,
        'curve-style': 'unbundled-bezier',
        'control-point-distances': [-60],
        'control-point-weights': [0.5],
        opacity: 0.35,
      },
    },
    { selector: 'edge[role = "flow"].lit', style: { opacity: 1, width: 2.5 } },
  ] as StylesheetJson;
}
