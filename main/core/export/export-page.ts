/**
 * The "export mode" of the offline snapshot page (snapshot-page.ts): a script evaluated in the loaded page, after
 * cytoscape-svg has been added to it, that draws the view as one SVG picture — the title, the workspace, the
 * date and the counts on top, the graph (cy.svg({full: true}): every label a real <text>), the legend of the kinds
 * present with their counts on the right — and replaces the page's body (search box, inspector) with that picture
 * alone. Its value is `{ svg, width, height }`: the picture serialised as XML and its size in CSS px.
 * Every text goes in with textContent, so the serialiser escapes labels such as `</script>` or `<!--`.
 * No backquotes and no `${` in it: it lives in a template string.
 */

/** Widest and tallest the graph part of the picture may be (CSS px); a larger graph is drawn smaller. */
export const EXPORT_MAX_GRAPH_PX = 3600;

export const EXPORT_SCRIPT = `
(function () {
  'use strict';
  var MAX = ${EXPORT_MAX_GRAPH_PX};
  var NS = 'http://www.w3.org/2000/svg';
  var FONT = '"Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif';
  var data = JSON.parse(document.getElementById('snapshot-data').textContent);
  var cy = window.__snapshot.cy;
  cy.style()
    .selector('node').style({ 'font-family': FONT, 'min-zoomed-font-size': 0, 'text-wrap': 'wrap',
      'text-max-width': 150, 'text-outline-width': 0, 'text-background-color': '#ffffff',
      'text-background-opacity': 0.8, 'text-background-padding': 1 })
    // cytoscape-svg cannot draw the rounded tag (the shape goes missing and the label takes its colour): an octagon here.
    .selector('node[shape = "round-tag"]').style({ shape: 'octagon' })
    .selector('.faded').style({ opacity: 1 })
    .update();
  cy.elements().unselect().removeClass('faded hit near');
  cy.zoom(1);
  var bb = cy.elements().boundingBox();
  var scale = Math.min(1, MAX / Math.max(bb.w, 1), MAX / Math.max(bb.h, 1));
  // cytoscape-svg multiplies the scale by the pixel ratio (2 for a 2× PNG): divide it out so every format is the same size.
  var ratio = (cy.renderer() && cy.renderer().getPixelRatio && cy.renderer().getPixelRatio()) || window.devicePixelRatio || 1;
  var graph = new DOMParser().parseFromString(cy.svg({ full: true, scale: scale / ratio, bg: '#ffffff' }), 'image/svg+xml').documentElement;
  var gw = Math.ceil(Number(graph.getAttribute('width')));
  var gh = Math.ceil(Number(graph.getAttribute('height')));

  function node(tag, attrs, text) {
    var e = document.createElementNS(NS, tag);
    Object.keys(attrs).forEach(function (k) { e.setAttribute(k, String(attrs[k])); });
    if (text !== undefined) e.textContent = String(text);
    return e;
  }
  var counts = {};
  data.nodes.forEach(function (n) { counts[n.kind] = (counts[n.kind] || 0) + 1; });
  var kinds = Object.keys(data.kinds).filter(function (k) { return counts[k]; });

  var PAD = 24, HEAD = 76, LEGEND = 250, ROW = 24;
  var width = Math.max(PAD + gw + PAD + LEGEND, 900);
  var height = HEAD + Math.max(gh, 40 + kinds.length * ROW) + PAD;
  var svg = node('svg', { xmlns: NS, version: '1.1', width: width, height: height,
    viewBox: '0 0 ' + width + ' ' + height, 'font-family': FONT });
  svg.appendChild(node('title', {}, data.title + ' — ' + data.workspace + ' — ' + data.date));
  svg.appendChild(node('rect', { x: 0, y: 0, width: width, height: height, fill: '#ffffff' }));
  svg.appendChild(node('text', { x: PAD, y: 38, 'font-size': 24, 'font-weight': 'bold', fill: '#1f2937', class: 'title' }, data.title));
  svg.appendChild(node('text', { x: PAD, y: 62, 'font-size': 13, fill: '#475569', class: 'meta' },
    data.workspace + ' · ' + data.date + ' · ' + data.nodes.length + ' 节点 nodes · ' + data.edges.length + ' 连线 edges'));
  svg.appendChild(node('line', { x1: 0, y1: HEAD - 6, x2: width, y2: HEAD - 6, stroke: '#e2e8f0' }));

  graph.setAttribute('x', PAD);
  graph.setAttribute('y', HEAD);
  graph.setAttribute('class', 'graph');
  svg.appendChild(document.importNode(graph, true));

  var lx = width - LEGEND + 8;
  var legend = node('g', { class: 'legend' });
  legend.appendChild(node('text', { x: lx, y: HEAD + 14, 'font-size': 12, 'font-weight': 'bold', fill: '#64748b' }, '图例 Legend'));
  kinds.forEach(function (k, i) {
    var y = HEAD + 30 + i * ROW;
    var d = data.kinds[k];
    legend.appendChild(node('rect', { x: lx, y: y, width: 14, height: 14, rx: 3, fill: d.color }));
    legend.appendChild(node('text', { x: lx + 22, y: y + 12, 'font-size': 13, fill: '#334155' }, d.zh + ' ' + d.en));
    legend.appendChild(node('text', { x: width - PAD, y: y + 12, 'font-size': 13, fill: '#64748b', 'text-anchor': 'end' }, counts[k]));
  });
  svg.appendChild(legend);

  var style = document.createElement('style');
  style.textContent = 'html,body{margin:0;padding:0;background:#fff;display:block;height:auto}' +
    '@page{size:A4 landscape;margin:8mm}' +
    '@media print{svg.export{width:281mm;height:190mm;display:block}}';
  document.head.appendChild(style);
  Array.prototype.forEach.call(document.body.children, function (c) { c.style.display = 'none'; });
  var shown = document.importNode(svg, true);
  shown.setAttribute('class', 'export');
  shown.style.display = 'block';
  document.body.appendChild(shown);
  return { svg: new XMLSerializer().serializeToString(svg), width: width, height: height };
})()
`;
