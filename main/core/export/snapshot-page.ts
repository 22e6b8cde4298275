/**
 * The markup, style and script of the offline snapshot page (buildSnapshotHtml puts the data and Cytoscape.js
 * around them). The script is plain ES2017 run by the browser, kept here as a string so that the page needs no
 * bundler and no file beside the core at run time. It reads the data from the `application/json` block, never
 * builds markup from data (every label goes in with textContent), and exposes `window.__snapshot = { cy }` so
 * that tests can find where a node is drawn. No backquotes and no `${` in it: it lives in a template string.
 */

export const SNAPSHOT_CSS = `
*{box-sizing:border-box}
html,body{margin:0;height:100%;font:14px/1.45 "Noto Sans CJK SC","Microsoft YaHei","PingFang SC",system-ui,sans-serif;color:#1f2937;background:#f8fafc}
body{display:grid;grid-template-rows:auto 1fr;grid-template-columns:1fr 340px;height:100vh}
header{grid-column:1/3;display:flex;align-items:center;gap:16px;padding:10px 16px;background:#fff;border-bottom:1px solid #e2e8f0}
header h1{font-size:20px;margin:0;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
header .meta{color:#64748b;font-size:13px;white-space:nowrap}
header .spacer{flex:1}
#search{width:280px;font:inherit;padding:6px 10px;border:1px solid #cbd5e1;border-radius:6px}
#search:focus{outline:2px solid #d97706;outline-offset:0}
#search-status{color:#64748b;font-size:13px;min-width:90px}
#cy{position:relative;min-height:0;background:#fff}
aside{border-left:1px solid #e2e8f0;background:#fff;overflow:auto;padding:14px 16px;min-height:0}
aside h2{font-size:18px;margin:0 0 4px;overflow-wrap:anywhere}
aside h3{font-size:12px;text-transform:uppercase;letter-spacing:.04em;color:#64748b;margin:14px 0 4px}
.kind{display:inline-flex;align-items:center;gap:6px;font-size:13px;color:#334155}
.swatch{display:inline-block;width:12px;height:12px;border-radius:3px;flex:none}
.hint{color:#64748b}
.desc{white-space:pre-wrap;overflow-wrap:anywhere}
dl{display:grid;grid-template-columns:auto 1fr;gap:2px 10px;margin:0}
dt{color:#64748b}dd{margin:0;overflow-wrap:anywhere}
ul{list-style:none;margin:0;padding:0}
li button{all:unset;cursor:pointer;color:#1d4ed8}
li button:hover,li button:focus-visible{text-decoration:underline}
#legend li{display:flex;align-items:center;gap:8px;padding:1px 0}
#legend .count{color:#64748b;margin-left:auto}
@media print{header input,#search-status{display:none}}
`;

export const SNAPSHOT_BODY = `
<header>
  <h1 id="title"></h1>
  <span class="meta" id="meta"></span>
  <span class="spacer"></span>
  <input id="search" type="search" autocomplete="off" placeholder="搜索名称或别名 Search label or alias" aria-label="搜索 Search">
  <span id="search-status" aria-live="polite"></span>
</header>
<main id="cy" aria-label="图 Graph"></main>
<aside>
  <section id="inspector" aria-live="polite"><p class="hint">点击节点查看详情 · Click a node to inspect it</p></section>
  <h3>图例 Legend</h3>
  <ul id="legend"></ul>
</aside>
`;

export const SNAPSHOT_SCRIPT = `
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('snapshot-data').textContent);
  var byId = {};
  data.nodes.forEach(function (n) { byId[n.id] = n; });
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function fold(s) { return String(s).normalize('NFKC').toLowerCase(); }
  function kindName(k) { var d = data.kinds[k]; return d ? d.zh + ' ' + d.en : k; }

  document.title = data.title + ' — ' + data.workspace;
  document.getElementById('title').textContent = data.title;
  document.getElementById('meta').textContent =
    data.workspace + ' · ' + data.date + ' · ' + data.nodes.length + ' 节点 nodes · ' + data.edges.length + ' 连线 edges';

  var elements = data.nodes.map(function (n) {
    var k = data.kinds[n.kind] || { color: '#94a3b8', shape: 'ellipse', size: 28 };
    return { group: 'nodes', data: { id: n.id, label: n.label, kind: n.kind, color: k.color, shape: k.shape, size: k.size },
             position: { x: n.x, y: n.y } };
  }).concat(data.edges.map(function (e) {
    return { group: 'edges', data: { id: e.id, source: e.source, target: e.target, kind: e.kind } };
  }));
  var cy = cytoscape({
    container: document.getElementById('cy'),
    elements: elements,
    layout: { name: 'preset', fit: true, padding: 40 },
    autoungrabify: true,
    boxSelectionEnabled: false,
    minZoom: 0.05,
    maxZoom: 6,
    style: [
      { selector: 'node', style: {
        'background-color': 'data(color)', shape: 'data(shape)', width: 'data(size)', height: 'data(size)',
        label: 'data(label)', 'font-size': 12, color: '#1f2937', 'text-valign': 'bottom', 'text-margin-y': 4,
        'text-wrap': 'ellipsis', 'text-max-width': 140, 'min-zoomed-font-size': 7,
        'text-outline-color': '#ffffff', 'text-outline-width': 2, 'border-width': 1, 'border-color': '#ffffff' } },
      { selector: 'edge', style: { width: 1.2, 'line-color': '#cbd5e1', 'curve-style': 'straight',
        'target-arrow-shape': 'triangle', 'target-arrow-color': '#cbd5e1', 'arrow-scale': 0.7 } },
      { selector: 'edge[kind = "part_of"], edge[kind = "classified_as"]', style: { 'line-style': 'dotted' } },
      { selector: '.faded', style: { opacity: 0.18 } },
      { selector: 'node.hit', style: { 'border-width': 4, 'border-color': '#d97706', 'font-weight': 'bold', 'z-index': 10 } },
      { selector: 'node:selected', style: { 'border-width': 5, 'border-color': '#d97706', 'z-index': 20 } },
      { selector: 'edge.near', style: { 'line-color': '#d97706', 'target-arrow-color': '#d97706', width: 2 } }
    ]
  });
  window.__snapshot = { cy: cy };

  var inspector = document.getElementById('inspector');
  function section(title, child) { inspector.appendChild(el('h3', title)); inspector.appendChild(child); }
  function show(id) {
    var n = byId[id];
    inspector.replaceChildren();
    if (!n) { inspector.appendChild(el('p', '点击节点查看详情 · Click a node to inspect it', 'hint')); return; }
    inspector.appendChild(el('h2', n.label));
    var kind = el('span', null, 'kind');
    var sw = el('span', null, 'swatch');
    sw.style.background = (data.kinds[n.kind] || {}).color || '#94a3b8';
    kind.appendChild(sw); kind.appendChild(el('span', kindName(n.kind)));
    inspector.appendChild(kind);
    if (n.aliases.length) section('别名 Aliases', el('p', n.aliases.join(' · ')));
    if (n.description) section('说明 Description', el('p', n.description, 'desc'));
    if (n.tags.length) section('标签 Tags', el('p', n.tags.join(' · ')));
    var keys = Object.keys(n.props);
    if (keys.length) {
      var dl = el('dl');
      keys.forEach(function (k) {
        var v = n.props[k];
        dl.appendChild(el('dt', k));
        dl.appendChild(el('dd', typeof v === 'object' && v !== null ? JSON.stringify(v) : v));
      });
      section('属性 Properties', dl);
    }
    var node = cy.getElementById(id);
    var links = el('ul');
    node.connectedEdges().forEach(function (e) {
      var other = e.source().id() === id ? e.target() : e.source();
      var li = el('li');
      var b = el('button', other.data('label'));
      b.type = 'button';
      b.addEventListener('click', function () { select(other.id(), true); });
      li.appendChild(el('span', (e.source().id() === id ? '→ ' : '← ') + e.data('kind') + ' '));
      li.appendChild(b);
      links.appendChild(li);
    });
    if (links.childNodes.length) section('连接 Connections (' + links.childNodes.length + ')', links);
  }
  function select(id, centre) {
    cy.edges().removeClass('near');
    cy.nodes().unselect();
    var node = cy.getElementById(id);
    if (node.empty()) { show(null); return; }
    node.select();
    node.connectedEdges().addClass('near');
    if (centre) {
      // Pan computed for the final zoom: animate({center, zoom}) centres for the zoom it starts from.
      var z = Math.max(cy.zoom(), 1.2);
      var p = node.position();
      cy.stop();
      cy.animate({ zoom: z, pan: { x: cy.width() / 2 - p.x * z, y: cy.height() / 2 - p.y * z } }, { duration: 250 });
    }
    show(id);
  }
  cy.on('tap', 'node', function (evt) { select(evt.target.id(), false); });
  cy.on('tap', function (evt) { if (evt.target === cy) { cy.edges().removeClass('near'); show(null); } });

  var search = document.getElementById('search');
  var status = document.getElementById('search-status');
  var hits = [];
  var current = -1;
  function runSearch() {
    var q = fold(search.value.trim());
    cy.elements().removeClass('faded hit');
    hits = [];
    current = -1;
    if (!q) { status.textContent = ''; return; }
    data.nodes.forEach(function (n) {
      if ([n.label].concat(n.aliases).some(function (s) { return fold(s).indexOf(q) >= 0; })) hits.push(n.id);
    });
    status.textContent = hits.length ? hits.length + ' 个结果 found' : '无结果 no match';
    if (!hits.length) return;
    var set = cy.collection(hits.map(function (id) { return cy.getElementById(id); }));
    cy.elements().not(set).addClass('faded');
    set.addClass('hit');
    step();
  }
  function step() {
    if (!hits.length) return;
    current = (current + 1) % hits.length;
    if (hits.length > 1) status.textContent = (current + 1) + ' / ' + hits.length + ' 个结果 found';
    select(hits[current], true);
  }
  search.addEventListener('input', runSearch);
  search.addEventListener('keydown', function (e) {
    if (e.key === 'Enter') { e.preventDefault(); step(); }
    if (e.key === 'Escape') { search.value = ''; runSearch(); }
  });

  var counts = {};
  data.nodes.forEach(function (n) { counts[n.kind] = (counts[n.kind] || 0) + 1; });
  var legend = document.getElementById('legend');
  Object.keys(data.kinds).forEach(function (k) {
    if (!counts[k]) return;
    var li = el('li');
    var sw = el('span', null, 'swatch');
    sw.style.background = data.kinds[k].color;
    li.appendChild(sw);
    li.appendChild(el('span', kindName(k)));
    li.appendChild(el('span', counts[k], 'count'));
    legend.appendChild(li);
  });
})();
`;
