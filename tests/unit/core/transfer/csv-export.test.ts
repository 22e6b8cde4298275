import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { GraphDto } from '../../../../preload/contract';
import { exportCsvFiles } from '../../../../main/core/transfer/csv-export';
import { edge, node } from '../../helpers';
import { arrangedSample, debianGraph, debianRecords } from './transfer-fixtures';

function rows(text: string): Array<Record<string, string>> {
  expect(text.startsWith('\uFEFF')).toBe(true);
  const r = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true });
  expect(r.errors).toEqual([]);
  return r.data;
}

describe('CSV export', () => {
  it('one UTF-8 file with BOM per node kind and edge kind; real multi-line Chinese text parses back intact', () => {
    const graph = debianGraph();
    const files = exportCsvFiles(graph);
    expect(files.map((f) => f.name)).toEqual(['nodes-knowledge.csv', 'nodes-unit.csv', 'edges-related.csv']);
    const items = rows(files[0]!.text);
    const records = debianRecords();
    expect(items).toHaveLength(records.length);
    expect(Object.keys(items[0]!)).toEqual([
      'id',
      'label',
      'aliases',
      'description',
      'tags',
      'form',
      'existence',
      'seciStage',
      'status',
      'reviewDue',
      'confidentiality',
      'importance',
      'x',
      'y',
      'createdAt',
      'updatedAt',
    ]);
    records.forEach((r, i) => {
      const row = items[i]!;
      expect(row.label).toBe(r.description_zh_CN);
      expect(row.description).toBe(r.long_description_zh_CN);
      expect(row.aliases).toBe(`${r.package}; ${r.short_description}`);
      expect(row.tags).toBe(r.debtags.split(' | ').join('; '));
      expect(row.importance).toBe(String((i % 3) + 1));
      expect(row.seciStage).toBe('');
    });
    // The first ten are not placed on the map: their x and y are empty.
    expect([items[0]!.x, items[10]!.x, items[10]!.y]).toEqual(['', '321', '-120.25']); // (10 % 8) × 160.5, ⌊10 / 8⌋ × −120.25
    expect(files[0]!.text).toContain('\r\n');
    const related = rows(files[2]!.text);
    expect(Object.keys(related[0]!)).toEqual([
      'id',
      'source',
      'sourceLabel',
      'target',
      'targetLabel',
      'note',
      'createdAt',
    ]);
    expect(related[0]).toMatchObject({
      sourceLabel: records[0]!.description_zh_CN,
      targetLabel: records[0]!.team,
      note: records[0]!.homepage,
    });
  });

  it('spreads objects over columns, joins lists, and keeps a label from running as a formula', async () => {
    const ws = arrangedSample();
    try {
      const files = exportCsvFiles(ws.store.getGraph());
      const terms = rows(files.find((f) => f.name === 'nodes-term.csv')!.text);
      const banxing = terms.find((t) => t.id === 'sample:te-banxing')!;
      expect(banxing).toMatchObject({
        label: '版型',
        synonyms: '板型; 版',
        'translations.en': 'Pattern / fit',
        'translations.zh': '版型',
      });
      const knows = rows(files.find((f) => f.name === 'edges-knows.csv')!.text);
      expect(knows.every((k) => /^[1-5]$/.test(k.proficiency!))).toBe(true);
    } finally {
      await ws.shutdown();
    }
    const graph: GraphDto = {
      nodes: [
        { ...node('f1', 'knowledge'), label: '=HYPERLINK("http://x")' },
        { ...node('u1', 'unit'), x: -5, y: 2 },
      ],
      edges: [edge('f1', 'u1')],
    };
    const [items, units] = exportCsvFiles(graph);
    expect(rows(items!.text)[0]!.label).toBe('\'=HYPERLINK("http://x")');
    // A negative number is a number, not a formula.
    expect(rows(units!.text)[0]!.x).toBe('-5');
  });
});
