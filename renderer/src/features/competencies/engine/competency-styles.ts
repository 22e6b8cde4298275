/**
 * The core-competence diagram's Cytoscape stylesheet: competencies as circles filled with their coverage band's
 * colour, knowledge items as rounded squares in their strength band's colour, experts as diamonds (sky blue);
 * every label below its node (name, then the percent or strength), outlined in the canvas colour so it reads
 * over links. Sizes come from the node's data (`size`, set by the engine from its importance).
 */
import type { StylesheetJson } from 'cytoscape';
import type { Theme } from '../../../app/store';

/** The font the labels are drawn (and measured) in. */
export const LABEL_FONT = { family: 'Helvetica Neue, Helvetica, sans-serif', lineHeight: 1.25 };
/** The widest a label line may be (model px); longer names are cut with "…". */
export const LABEL_MAX_WIDTH = 150;
/** The same for knowledge items and experts (the outer rings hold many of them). */
export const ITEM_LABEL_MAX_WIDTH = 110;
/** Space between a node and its label (model px). */
export const LABEL_MARGIN = 4;
/** Outline drawn around label text (model px). */
export const LABEL_OUTLINE = 2;

const PALETTE = {
  light: { text: '#1f2937', bg: '#ffffff', line: '#94a3b8', sel: '#1d4ed8' },
  dark: { text: '#e5e7eb', bg: '#12151b', line: '#4b5563', sel: '#93c5fd' },
} as const;

/** The stylesheet for `theme`. */
export function competencyStylesheet(theme: Theme): StylesheetJson {
  const p = PALETTE[theme];
  return [
    {
      selector: 'node',
      style: {
        width: 'data(size)',
        height: 'data(size)',
        'background-color': 'data(fill)',
        'border-width': 1,
        'border-color': p.bg,
        label: 'data(label)',
        'font-size': 'data(fontSize)',
        'font-family': LABEL_FONT.family,
        'line-height': LABEL_FONT.lineHeight,
        color: p.text,
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': LABEL_MARGIN,
        'text-wrap': 'wrap',
        'text-max-width': `${LABEL_MAX_WIDTH + 20}px`,
        'text-outline-color': p.bg,
        'text-outline-width': LABEL_OUTLINE,
        'min-zoomed-font-size': 0,
      },
    },
    { selector: 'node[kind = "competency"]', style: { shape: 'ellipse', 'font-weight': 'bold' } },
    { selector: 'node[kind = "knowledge"]', style: { shape: 'round-rectangle' } },
    { selector: 'node[kind = "expert"]', style: { shape: 'diamond' } },
    { selector: 'node[?focus]', style: { 'border-width': 3, 'border-color': p.text } },
    {
      selector: 'node:selected',
      style: { 'border-width': 4, 'border-color': p.sel, 'overlay-opacity': 0 },
    },
    {
      selector: 'edge',
      style: {
        width: 1.2,
        'line-color': p.line,
        'curve-style': 'straight',
        opacity: 0.7,
      },
    },
    { selector: 'edge[kind = "supports"]', style: { 'line-style': 'dashed' } },
    { selector: 'edge[kind = "knows"]', style: { 'line-style': 'dotted' } },
  ];
}

/** The canvas background of `theme` (the container's CSS paints it; labels are outlined in it). */
export function canvasBackground(theme: Theme): string {
  return PALETTE[theme].bg;
}
