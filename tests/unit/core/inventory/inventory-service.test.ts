import { describe, expect, it } from 'vitest';
import { NODE_KINDS } from '../../../../preload/contract';
import { InventoryService } from '../../../../main/core/inventory/inventory-service';
import { openKnowledge, TODAY } from '../analytics/process-graphs';

describe('InventoryService', () => {
  it('counts the sample with the knowledge service’s strengths, memoised until the graph changes', () => {
    const f = openKnowledge({ sample: true });
    try {
      const inventory = new InventoryService({
        db: f.db,
        store: f.store,
        knowledge: f.knowledge,
        today: () => TODAY,
      });
      f.store.onDidChange(() => inventory.invalidate());
      const s = inventory.summary();
      const stats = f.store.stats();
      expect(s.asOf).toBe(TODAY);
      expect(s.knowledgeItems).toBe(stats.nodes.knowledge);
      expect(s.byKind.map((b) => [b.key, b.count])).toEqual(NODE_KINDS.map((k) => [k, stats.nodes[k] ?? 0]));
      expect(inventory.summary()).toBe(s);

      const rows = inventory.list({ facet: 'kind', key: 'knowledge' });
      expect(rows).toHaveLength(stats.nodes.knowledge!);
      const strengths = new Map(f.knowledge.itemStrengths().map((x) => [x.id, x.strength]));
      for (const r of rows) expect(r.strength).toBe(strengths.get(r.id));
      const health = inventory.summary().health;
      for (const b of health) expect(inventory.list({ facet: 'health', key: b.key }).length).toBe(b.count);

      f.store.apply([
        {
          op: 'addNode',
          id: 'new-tacit',
          node: {
            kind: 'knowledge',
            label: '新的隐性知识',
            props: {
              form: 'tacit',
              existence: 'person',
              status: 'draft',
              confidentiality: 'internal',
              importance: 1,
            },
          },
        },
      ]);
      const after = inventory.summary();
      expect(after).not.toBe(s);
      expect(after.knowledgeItems).toBe(s.knowledgeItems + 1);
      const tacitOnly = (x: typeof s) => x.health.find((b) => b.key === 'tacit-only')!.count;
      expect(tacitOnly(after)).toBe(tacitOnly(s) + 1);
      const trend = inventory.trend(4);
      expect(trend.points).toHaveLength(4);
      expect(trend.points[3]!.knowledge).toBe(after.knowledgeItems);
      expect(trend.historyFrom).not.toBeNull();
    } finally {
      f.close();
    }
  });
});
