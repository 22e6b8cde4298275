import fs from 'node:fs';
import type { NodeKind } from '../../../preload/contract';
import enMap from '../../../renderer/src/i18n/locales/en/map.json';
import zhMap from '../../../renderer/src/i18n/locales/zh-CN/map.json';
import { WellspringError } from '../util/errors';
import { SNAPSHOT_KIND_STYLE } from './kind-palette';
import { SNAPSHOT_BODY, SNAPSHOT_CSS, SNAPSHOT_SCRIPT } from './snapshot-page';
import type { SnapshotView } from './snapshot-view';

/** What buildSnapshotHtml puts in the page. */
export interface SnapshotInput {
  view: SnapshotView;
  /** Shown in the header beside the title. */
  workspaceName: string;
  /** The date shown (its UTC calendar day, yyyy-mm-dd). */
  date: Date;
  /** Cytoscape.js source to inline; default: node_modules/cytoscape/dist/cytoscape.min.js read now. */
  cytoscapeSource?: string;
}

/**
 * The Content-Security-Policy of the page: nothing may be fetched (`default-src 'none'`); only the page's own
 * inline script and style run; images only as data: URLs (Cytoscape's PNG export). So the page cannot reach the
 * network even if some data tried to.
 */
export const SNAPSHOT_CSP =
  "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:";

/**
 * One self-contained HTML file showing `view` read-only (issue 9.6): Cytoscape.js and the elements inlined, a
 * preset layout at the view's positions, pan and zoom, click a node to inspect it, a search box, the legend of the
 * kinds present, the title, workspace name and date. It opens from file:// in any current browser with the
 * network off; the only URLs in the file are in Cytoscape's own licence comments.
 *
 * The data goes in a `<script type="application/json">` block as JSON with `<`, `>`, `&`, U+2028 and U+2029
 * written as \\u escapes, so no label (`</script>`, `<!--`, …) can end the block or start markup; the page puts
 * every text in with textContent.
 * @returns the HTML text (UTF-8 when written); about 450 KB plus the data
 * @throws WellspringError `internal` when the Cytoscape source would end its own script element
 */
export function buildSnapshotHtml(input: SnapshotInput): string {
  const cytoscape = input.cytoscapeSource ?? fs.readFileSync(cytoscapePath(), 'utf8');
  if (/<\/script|<!--/i.test(cytoscape))
    throw new WellspringError(
      'internal',
      'The Cytoscape.js source contains </script or <!-- and cannot be inlined.',
    );
  const { view } = input;
  const kinds = Object.fromEntries(
    (Object.keys(SNAPSHOT_KIND_STYLE) as NodeKind[]).map((k) => [
      k,
      { ...SNAPSHOT_KIND_STYLE[k], en: enMap.kinds[k], zh: zhMap.kinds[k] },
    ]),
  );
  const data = {
    title: view.title,
    kind: view.kind,
    workspace: input.workspaceName,
    date: input.date.toISOString().slice(0, 10),
    kinds,
    nodes: view.graph.nodes.map((n) => ({
      id: n.id,
      kind: n.kind,
      label: n.label,
      aliases: n.aliases,
      description: n.description,
      tags: n.tags,
      props: n.props,
      x: n.x,
      y: n.y,
    })),
    edges: view.graph.edges.map((e) => ({ id: e.id, kind: e.kind, source: e.source, target: e.target })),
  };
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${SNAPSHOT_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Wellspring snapshot">
<title>${escapeHtml(view.title)}</title>
<style>${SNAPSHOT_CSS}</style>
</head>
<body>${SNAPSHOT_BODY}
<script type="application/json" id="snapshot-data">${scriptSafeJson(data)}</script>
<script>${cytoscape}</script>
<script>${SNAPSHOT_SCRIPT}</script>
</body>
</html>
`;
}

/** Where the minified Cytoscape.js is (require.resolve of the installed package). */
export function cytoscapePath(): string {
  return require.resolve('cytoscape/dist/cytoscape.min.js');
}

/**
 * JSON.stringify(value) that is safe inside any HTML script element: `<`, `>` and `&` become \u003c, \u003e,
 * \u0026 (so neither `</script` nor `<!--` can appear) and U+2028/U+2029 become \u2028/\u2029 (line
 * terminators in older JavaScript). JSON.parse reads the result back unchanged.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Text for HTML element content: & < > " escaped. */
function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}
