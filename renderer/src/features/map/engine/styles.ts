import type { StylesheetJson } from 'cytoscape';
import type { NodeKind } from '../../../../../preload/contract';
import { BASE_FONT, levelOfDetailStyles } from './label-levels';

/** Shape and colour per node kind: the legend and the canvas read the same table, so they cannot disagree. */
export const KIND_STYLE: Record<NodeKind, { shape: string; color: string; size: number }> = {
  knowledge: { shape: 'ellipse', color: '#3b82f6', size: 26 },
  expert: { shape: 'diamond', color: '#f97316', size: 32 },
  process: { shape: 'round-rectangle', color: '#7c3aed', size: 44 },
  step: { shape: 'cut-rectangle', color: '#a855f7', size: 34 },
  competency: { shape: 'hexagon', color: '#16a34a', size: 38 },
  category: { shape: 'round-tag', color: '#64748b', size: 28 },
  term: { shape: 'tag', color: '#0891b2', size: 24 },
  document: { shape: 'rhomboid', color: '#ca8a04', size: 28 },
  unit: { shape: 'barrel', color: '#be185d', size: 34 },
};

export type Theme = 'light' | 'dark';

/** The map's font stack, CJK first (the canvas, its labels and the exports use it). */
export const FONT =
  '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif';

/**
 * The Cytoscape stylesheet. Labels sit under the node; their text is `data(display)`, already broken into lines
 * by node-label.ts (Cytoscape's own `text-overflow-wrap: anywhere` would put U+200B into SVG exports), and which
 * labels are drawn, and how large, is decided by level-of-detail.ts. Tacit knowledge items get a dashed border.
 */
export function stylesheet(theme: Theme): StylesheetJson {
  const text = theme === 'dark' ? '#e5e7eb' : '#1f2937';
  const outline = theme === 'dark' ? '#111827' : '#ffffff';
  const edge = theme === 'dark' ? '#4b5563' : '#cbd5e1';
  const accent = theme === 'dark' ? '#fbbf24' : '#d97706';
  const kindRules = Object.entries(KIND_STYLE).map(([kind, s]) => ({
    selector: `node[kind = "${kind}"]`,
    style: { shape: s.shape, 'background-color': s.color, width: s.size, height: s.size },
  }));
  return [
    {
      selector: 'node',
      style: {
        'font-family': FONT,
        'font-size': BASE_FONT,
        color: text,
        'text-valign': 'bottom',
        'text-margin-y': 4,
        // Lines end only at the '\n' node-label.ts put in: no width limit Cytoscape could wrap at again.
        'text-wrap': 'wrap',
        'text-max-width': '100000px',
        'text-outline-color': outline,
        'text-outline-width': 2,
        'min-zoomed-font-size': 7,
        'border-width': 1.5,
        'border-color': outline,
      },
    },
    ...kindRules,
    // Encodings chosen in the legend (node-encoding.ts): size by a measure, colour by community.
    { selector: 'node.sized', style: { width: 'data(size)', height: 'data(size)' } },
    { selector: 'node.by-community', style: { 'background-color': 'data(fill)' } },
    ...(levelOfDetailStyles() as object[]),
    {
      selector: 'node[form = "tacit"]',
      style: { 'border-style': 'dashed', 'border-color': text, 'border-width': 2 },
    },
    {
      selector: 'edge',
      style: {
        width: 1.2,
        'line-color': edge,
        'target-arrow-color': edge,
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.8,
        'curve-style': 'straight',
      },
    },
    { selector: 'edge[kind = "part_of"], edge[kind = "classified_as"]', style: { 'line-style': 'dotted' } },
    {
      selector: 'edge[kind = "next"]',
      style: { width: 2.5, 'line-color': '#a855f7', 'target-arrow-color': '#a855f7' },
    },
    {
      selector: 'edge.hover, edge:selected, edge.neighbourhood',
      style: {
        label: 'data(kindLabel)',
        'font-family': FONT,
        'font-size': 9,
        color: text,
        'text-background-color': outline,
        'text-background-opacity': 0.85,
        'text-background-padding': '2px',
        'text-rotation': 'autorotate',
        'line-color': accent,
        'target-arrow-color': accent,
        width: 2,
      },
    },
    {
      selector: 'node:selected',
      style: { 'border-color': accent, 'border-width': 4, 'border-style': 'solid' },
    },
    {
      selector: 'node.found',
      style: { 'overlay-color': accent, 'overlay-opacity': 0.25, 'overlay-padding': 8 },
    },
    { selector: '.faded', style: { opacity: 0.18 } },
    // Edge handles' preview of a connection being drawn.
    {
      selector: '.eh-handle',
      style: { 'background-color': accent, width: 12, height: 12, shape: 'ellipse' },
    },
    { selector: '.eh-hover', style: { 'background-color': accent } },
    { selector: '.eh-source', style: { 'border-width': 3, 'border-color': accent } },
    { selector: '.eh-target', style: { 'border-width': 3, 'border-color': accent } },
    {
      selector: '.eh-preview, .eh-ghost-edge',
      style: {
        'line-color': accent,
        'target-arrow-color': accent,
        'source-arrow-color': accent,
        'line-style': 'dashed',
      },
    },
    { selector: '.eh-ghost-edge.eh-preview-active', style: { opacity: 0 } },
  ] as StylesheetJson;
}
