import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { exportSourceOf, workspaceExportFile } from '../../../../main/core/transfer/export-files';
import { planWellspringJsonImport } from '../../../../main/core/transfer/wellspring-import';
import { exportWorkspace } from '../../../../main/core/transfer/workspace-export';
import { arrangedSample } from './transfer-fixtures';

const AT = new Date('2026-12-03T08:30:00Z');

describe('workspaceExportFile (the File menu’s Export workspace)', () => {
  it('puts the CSV files, each UTF-8 with BOM, into one zip named after the workspace and the day', async () => {
    const ws = arrangedSample();
    try {
      const src = exportSourceOf({ graph: ws.store, views: ws.views }, '锦绣服饰: 样例', AT);
      const file = workspaceExportFile('csv', src);
      expect(file).toMatchObject({
        fileName: '锦绣服饰_ 样例-csv-2026-12-03.zip',
        encoding: 'dataUrl',
        mime: 'application/zip',
      });
      const [head, base64] = file.content.split(',') as [string, string];
      expect(head).toBe('data:application/zip;base64');
      const zip = Buffer.from(base64, 'base64');
      expect(zip.byteLength).toBe(file.bytes);
      const entries = unzipSync(new Uint8Array(zip));
      // The same files, byte for byte, as the CLI's csv export writes into its folder.
      const expected = exportWorkspace('csv', src);
      expect(Object.keys(entries)).toEqual(expected.map((f) => f.name));
      expect(file.entries).toEqual(expected.map((f) => f.name));
      for (const f of expected) {
        const bytes = entries[f.name]!;
        expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
        expect(Buffer.from(bytes).toString('utf8')).toBe(f.text);
      }
      expect(Object.keys(entries)).toContain('nodes-knowledge.csv');
      expect(Object.keys(entries)).toContain('edges-knows.csv');
    } finally {
      await ws.shutdown();
    }
  });

  it('gives the text formats one file each, with their extension; the JSON re-imports with no changes', async () => {
    const ws = arrangedSample();
    try {
      const src = exportSourceOf({ graph: ws.store, views: ws.views }, ws.info().name, AT);
      const graph = ws.store.getGraph();
      const names = (['json', 'graphml', 'gexf', 'cypher', 'cyjs'] as const).map((format) => {
        const f = workspaceExportFile(format, src);
        expect(f).toMatchObject({ encoding: 'utf8', nodes: graph.nodes.length, edges: graph.edges.length });
        expect(f.bytes).toBe(Buffer.byteLength(f.content));
        return f.fileName;
      });
      const stem = `${ws.info().name}-2026-12-03`;
      expect(names).toEqual(['.json', '.graphml', '.gexf', '.cypher', '.cyjs'].map((e) => stem + e));
      const json = workspaceExportFile('json', src);
      const plan = planWellspringJsonImport(json.content, json.fileName, graph);
      expect(plan.problems).toEqual([]);
      expect(plan.ops).toEqual([]);
      expect(plan.summary.nodes).toMatchObject({ add: 0, update: 0, unchanged: graph.nodes.length });
      expect(plan.summary.edges).toMatchObject({ add: 0, update: 0, unchanged: graph.edges.length });
    } finally {
      await ws.shutdown();
    }
  });
});
