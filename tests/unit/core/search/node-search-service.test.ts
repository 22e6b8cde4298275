import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { WorkspaceService } from '../../../../main/core/workspace/workspace-service';
import { tempDir } from '../../helpers';

/** The map's search box: SearchService.nodes over the sample workspace (resources/sample/workspace.v1.json). */
describe('node search (the map search box)', () => {
  const dir = tempDir();
  const ws = new WorkspaceService(dir, 'node', { watch: false, threads: 1 });
  ws.open(path.join(dir, 'sample.wellspring'), { create: true, sample: true });
  const labels = (q: string) => ws.search.nodes(q, 10).nodes.map((n) => n.node.label);

  it('finds labels whose terms are not adjacent, in mixed Chinese and Latin, case- and width-folded', () => {
    // 'CRM系统录入规范': "crm" and "规范" are apart in the label.
    expect(labels('crm 规范')).toContain('CRM系统录入规范');
    // Full-width Latin letters fold to ASCII (NFKC).
    expect(labels('ＡＱＬ 检验')).toContain('AQL抽样检验');
    expect(labels('8d 质量')).toContain('质量问题8D分析');
    // Every term must match: a term that is nowhere in the label drops it.
    expect(labels('crm 面料')).not.toContain('CRM系统录入规范');
  });

  it('finds nodes by their English alias and counts every match', () => {
    expect(labels('sales department')[0]).toBe('销售部');
    const r = ws.search.nodes('部', 3);
    expect(r.nodes).toHaveLength(3);
    expect(r.total).toBeGreaterThan(3);
  });

  it('as you type, takes an unfinished last Latin word as a prefix, ranked after whole-word hits', () => {
    // 拜访记录's alias is "Visit record": "vis" is the start of a word of it.
    expect(labels('vis')).toContain('拜访记录');
    expect(labels('Visit rec')).toContain('拜访记录');
    // Inside a mixed token the Latin run counts as a word start: "iso" for ISO9001认证, not "so".
    ws.store.addNode({ kind: 'knowledge', label: 'ISO9001认证' });
    expect(labels('iso')).toContain('ISO9001认证');
    expect(labels('so')).not.toContain('ISO9001认证');
    // The other terms still have to match in full.
    expect(labels('认证 iso')).toContain('ISO9001认证');
    expect(labels('面料 iso')).not.toContain('ISO9001认证');
    // A whole-word hit outranks a prefix hit: "form" is a word of "Form rules", the start of "Format rules".
    ws.store.addNode({ kind: 'knowledge', label: '格式规范', aliases: ['Format rules'] });
    ws.store.addNode({ kind: 'knowledge', label: '表单规范', aliases: ['Form rules'] });
    const r = labels('form');
    expect(r).toContain('格式规范');
    expect(r.indexOf('表单规范')).toBeLessThan(r.indexOf('格式规范'));
    // One letter is no prefix (too many false hits).
    expect(labels('v')).toEqual([]);
  });

  it('takes punctuation between words for a space, and the glossary expands the words so separated', () => {
    expect(labels('crm，规范')).toContain('CRM系统录入规范');
    expect(labels('（ＡＱＬ）、检验。')).toContain('AQL抽样检验');
    expect(labels('「8D」质量')).toContain('质量问题8D分析');
    expect(labels('crm；面料')).not.toContain('CRM系统录入规范');
    // 排料图 is a synonym of the sample's term 唛架: typed with punctuation it expands as typed bare.
    const bare = ws.search.nodes('排料图', 10);
    expect(bare.alsoSearched).toEqual(['唛架', 'Marker', '马克']);
    for (const q of ['“排料图”。', '排料图，', '（排料图）']) {
      const r = ws.search.nodes(q, 10);
      expect(r.alsoSearched, q).toEqual(bare.alsoSearched);
      expect(
        r.nodes.map((n) => n.node.id),
        q,
      ).toEqual(bare.nodes.map((n) => n.node.id));
    }
  });

  it('sees an edit at once, through the change event (no manual refresh)', () => {
    const node = ws.store.getGraph().nodes.find((n) => n.label === 'AQL抽样检验')!;
    ws.store.updateNode(node.id, { label: 'AQL抽样检验标准卡' });
    expect(labels('标准卡')).toEqual(['AQL抽样检验标准卡']);
    ws.store.deleteNode(node.id);
    expect(labels('标准卡')).toEqual([]);
    ws.close();
  });
});
