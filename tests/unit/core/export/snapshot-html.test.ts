import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  SNAPSHOT_CSP,
  buildSnapshotHtml,
  cytoscapePath,
  scriptSafeJson,
} from '../../../../main/core/export/snapshot-html';
import { SNAPSHOT_KIND_STYLE } from '../../../../main/core/export/kind-palette';
import type { SnapshotView } from '../../../../main/core/export/snapshot-view';
import { node } from '../../helpers';

const EVIL = '</script><script>alert(1)</script><!-- \u2028 \u2029 & <img src=x onerror=alert(2)>';

function view(label = EVIL): SnapshotView {
  return {
    kind: 'map',
    title: 'Map <b>&</b>',
    viewId: 'map',
    openAs: 'map',
    drawnByApp: false,
    graph: {
      nodes: [
        { ...node('a'), label, aliases: ['<!--x'], x: 10, y: 20 },
        { ...node('b', 'expert'), x: 130, y: 20 },
      ],
      edges: [{ id: 'e', kind: 'knows', source: 'b', target: 'a' }],
    },
  };
}
const FAKE = 'window.cytoscape = function () {};';
const build = (v = view(), cytoscapeSource = FAKE) =>
  buildSnapshotHtml({
    view: v,
    workspaceName: '锦绣服饰',
    date: new Date('2026-12-02T23:30:00Z'),
    cytoscapeSource,
  });

/** The text of the data block: from its opening tag to the first `</script` after it, as the HTML parser ends it. */
function dataBlock(html: string): string {
  const open = '<script type="application/json" id="snapshot-data">';
  const start = html.indexOf(open) + open.length;
  return html.slice(start, html.indexOf('</script', start));
}

describe('buildSnapshotHtml', () => {
  it('keeps a label with </script>, <!--, U+2028 and markup inside the data block, read back unchanged', () => {
    const html = build();
    const data = JSON.parse(dataBlock(html)) as { nodes: Array<{ label: string; aliases: string[] }> };
    expect(data.nodes[0]!.label).toBe(EVIL);
    expect(data.nodes[0]!.aliases).toEqual(['<!--x']);
    // three script elements end where they should, nothing else in the file closes one or opens a comment
    expect(html.match(/<\/script/gi)).toHaveLength(3);
    expect(html).not.toContain('<!--');
    expect(html).not.toMatch(/[\u2028\u2029]/);
    expect(html).not.toContain('<img');
  });

  it('inlines the data: title, workspace, UTC date, the nodes at their positions and the edges', () => {
    const data = JSON.parse(dataBlock(build(view('plain')))) as Record<string, unknown>;
    expect(data).toMatchObject({
      title: 'Map <b>&</b>',
      workspace: '锦绣服饰',
      date: '2026-12-02',
      nodes: [
        { id: 'a', kind: 'knowledge', label: 'plain', x: 10, y: 20 },
        { id: 'b', kind: 'expert', x: 130, y: 20 },
      ],
      edges: [{ id: 'e', kind: 'knows', source: 'b', target: 'a' }],
    });
    expect((data.kinds as Record<string, unknown>).expert).toEqual({
      shape: 'diamond',
      color: '#f97316',
      size: 32,
      en: 'Expert',
      zh: '专家',
    });
  });

  it('escapes the title in <title> and carries the strict CSP', () => {
    const html = build();
    expect(html).toContain('<title>Map &#60;b&#62;&#38;&#60;/b&#62;</title>');
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${SNAPSHOT_CSP}">`);
    expect(SNAPSHOT_CSP).toBe(
      "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:",
    );
  });

  it('inlines the real Cytoscape.js; outside it the page names no URL at all', () => {
    const cytoscape = fs.readFileSync(cytoscapePath(), 'utf8');
    const html = buildSnapshotHtml({ view: view('plain'), workspaceName: 'w', date: new Date() });
    expect(html).toContain(cytoscape);
    expect(cytoscape.length).toBeGreaterThan(400_000);
    // Cytoscape's own licence comments name four http(s) addresses; the page's markup, style and script none.
    const page = html.replace(cytoscape, '');
    expect(page).not.toMatch(/https?:|\/\/[a-z]|src=|href=|url\(/i);
  });

  it('refuses a Cytoscape source that would end its own script element', () => {
    expect(() => build(view(), 'var s = "</script>";')).toThrow(
      expect.objectContaining({ code: 'internal' }) as Error,
    );
  });
});

describe('scriptSafeJson', () => {
  it('writes < > & U+2028 U+2029 as \\u escapes and parses back unchanged', () => {
    const value = { a: '</script><!--&>\u2028\u2029' };
    const json = scriptSafeJson(value);
    expect(json).toBe('{"a":"\\u003c/script\\u003e\\u003c!--\\u0026\\u003e\\u2028\\u2029"}');
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe('SNAPSHOT_KIND_STYLE', () => {
  it('is the map’s KIND_STYLE (the copy has not drifted)', () => {
    // Read as text: the node tsconfig may not compile renderer files.
    const source = fs.readFileSync(
      path.resolve(__dirname, '../../../../renderer/src/features/map/engine/styles.ts'),
      'utf8',
    );
    const table = source.slice(source.indexOf('export const KIND_STYLE'), source.indexOf('};'));
    const rows = [...table.matchAll(/(\w+): \{ shape: '([^']+)', color: '(#[0-9a-f]{6})', size: (\d+) \}/g)];
    const map = Object.fromEntries(rows.map((m) => [m[1], { shape: m[2], color: m[3], size: Number(m[4]) }]));
    expect(rows).toHaveLength(9);
    expect(SNAPSHOT_KIND_STYLE).toEqual(map);
  });
});
