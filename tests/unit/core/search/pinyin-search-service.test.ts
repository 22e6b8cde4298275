import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkspaceService } from '../../../../main/core/workspace/workspace-service';
import { tempDir } from '../../helpers';

/**
 * Pinyin search of node names (issue 11 §1) through SearchService over the sample workspace
 * (resources/sample/workspace.v1.json, its seven documents indexed): the map's search box (`nodes`), Ctrl+K
 * (`query`) and the expertise locator (ExpertService.locate, which searches through `nodes`).
 */
describe('pinyin node search (sample workspace)', () => {
  const file = path.join(tempDir(), 'sample.wellspring');
  const ws = new WorkspaceService(path.dirname(file), 'node', { watch: false, threads: 1 });
  ws.open(file, { create: true, sample: true });
  // Indexing the sample in child processes started through tsx (from source) takes more than vitest's 10 s default here.
  beforeAll(() => ws.whenLibraryIdle(), 120_000);
  afterAll(() => ws.shutdown());
  const hits = (q: string, limit = 10) => ws.search.nodes(q, limit).nodes;
  const labels = (q: string, limit = 10) => hits(q, limit).map((n) => n.node.label);

  it('finds 知识管理 by full pinyin, initials and a mix, and says why', () => {
    const node = ws.store.addNode({ kind: 'knowledge', label: '知识管理' });
    for (const q of ['zhishiguanli', 'zsgl', 'zhishigl', 'zhi shi guan li', 'ZSGL']) {
      const first = hits(q)[0]!;
      expect(first.node.id, q).toBe(node.id);
      expect(first.matchedBy).toBe('pinyin');
      expect(first.pinyin).toEqual({
        typed: q.toLowerCase().replace(/ /g, ''),
        field: 'label',
        name: '知识管理',
        matched: '知识管理',
        reading: 'zhi shi guan li',
      });
      expect(first.highlights).toEqual([[0, 4]]);
    }
    // The sample's 封样管理 (feng yang guan li) and the items about 版型 (ban xing).
    expect(labels('fygl')).toEqual(['封样管理']);
    expect(labels('banxing')[0]).toBe('版型');
    expect(labels('banxing')).toEqual(expect.arrayContaining(['版型与制版', '试衣版型修正经验']));
    // Only the matched characters are highlighted.
    const inside = hits('banxing').find((h) => h.node.label === '试衣版型修正经验')!;
    expect(inside.highlights).toEqual([[2, 4]]);
  });

  it('finds glossary terms by the pinyin of their synonyms, naming the synonym', () => {
    // 打样's synonyms (props.synonyms) are 做样衣 and 打版做样; 唛架's are 排料图 and 马克.
    const [hit] = hits('zuoyangyi');
    expect(hit?.node.label).toBe('打样');
    expect(hit?.pinyin).toMatchObject({ field: 'glossary', name: '做样衣', matched: '做样衣' });
    expect(hit?.highlights).toEqual([]); // the label did not match
    expect(labels('pailiaotu')).toContain('唛架');
  });

  it('ranks every text hit above every pinyin hit, and only letters take the pinyin path', () => {
    // "banxing" is also a word of an alias: that node is a text hit and comes first.
    const alias = ws.store.addNode({ kind: 'knowledge', label: '样板手册', aliases: ['Banxing handbook'] });
    const r = hits('banxing');
    expect(r[0]!.node.id).toBe(alias.id);
    expect(r[0]!.matchedBy).toBeUndefined();
    const firstPinyin = r.findIndex((h) => h.matchedBy === 'pinyin');
    expect(firstPinyin).toBeGreaterThan(0);
    expect(r.slice(firstPinyin).every((h) => h.matchedBy === 'pinyin')).toBe(true);
    expect(r[firstPinyin]!.score).toBeLessThan(r[0]!.score);
    // An English word that is a name matches as text and ranks first ("Marker" is 唛架's alias).
    expect(labels('marker')[0]).toBe('唛架');
    // "zs": exact hits first, then only names with consecutive z…/s… characters — never unrelated nodes.
    const zs = ws.store.addNode({ kind: 'knowledge', label: 'ZS 标准' });
    const rz = hits('zs', 50);
    expect(rz[0]!.node.id).toBe(zs.id);
    const pinyinHits = rz.filter((h) => h.matchedBy === 'pinyin');
    expect(pinyinHits.length).toBeGreaterThan(0);
    for (const h of pinyinHits) expect(h.pinyin!.reading).toMatch(/^z\S* s\S*$/);
    expect(rz.map((h) => h.node.label)).not.toContain('封样管理');
    // Chinese, digits or punctuation: no pinyin path (a Chinese query finds by text only).
    expect(hits('知识管理').every((h) => h.matchedBy === undefined)).toBe(true);
    expect(hits('zsgl1')).toEqual([]);
    expect(hits('z')).toEqual([]);
  });

  it('follows graph edits (rename, delete) and filters by kind', () => {
    const node = ws.store.addNode({ kind: 'knowledge', label: '重庆门店陈列' });
    expect(labels('cqmd')).toEqual(['重庆门店陈列']);
    expect(labels('zhongqing')).toEqual([]); // 重 reads chong in 重庆
    ws.store.updateNode(node.id, { label: '银行对账流程' });
    expect(labels('cqmd')).toEqual([]);
    expect(labels('yinhang')).toEqual(['银行对账流程']);
    expect(labels('yinxing')).toEqual([]);
    expect(ws.search.nodes('yinhang', 10, ['expert']).nodes).toEqual([]);
    ws.store.deleteNode(node.id);
    expect(labels('yinhang')).toEqual([]);
  });

  it('follows an alias edited, undone and redone', () => {
    const node = ws.store.addNode({ kind: 'knowledge', label: 'Onboarding kit' });
    expect(labels('rzsc')).toEqual([]);
    ws.store.updateNode(node.id, { aliases: ['入职手册'] });
    expect(hits('rzsc').map((h) => [h.node.id, h.pinyin?.field, h.pinyin?.matched])).toEqual([
      [node.id, 'alias', '入职手册'],
    ]);
    ws.store.undo();
    expect(labels('rzsc')).toEqual([]);
    ws.store.redo();
    expect(labels('rzsc')).toEqual(['Onboarding kit']);
    ws.store.undo();
    ws.store.undo(); // the node itself is gone
    expect(labels('rzsc')).toEqual([]);
    ws.store.redo();
    expect(labels('rzsc')).toEqual([]);
    ws.store.redo();
    expect(labels('rzsc')).toEqual(['Onboarding kit']);
    ws.store.deleteNode(node.id);
  });

  it("reads an apostrophe as a syllable boundary: xi'an finds 西安, not 先", () => {
    const xian = ws.store.addNode({ kind: 'knowledge', label: '西安门店' });
    const first = ws.store.addNode({ kind: 'knowledge', label: '先进经验' });
    expect(labels('xian')).toEqual(expect.arrayContaining(['西安门店', '先进经验']));
    expect(labels("xi'an")).toContain('西安门店');
    expect(labels("xi'an")).not.toContain('先进经验');
    expect(labels('xi’an')).not.toContain('先进经验');
    expect(hits("xi'an").find((h) => h.node.id === xian.id)?.pinyin).toMatchObject({
      typed: "xi'an",
      matched: '西安',
    });
    expect(hits('XI’AN').find((h) => h.node.id === xian.id)?.pinyin?.typed).toBe("xi'an");
    ws.store.deleteNode(xian.id);
    ws.store.deleteNode(first.id);
  });

  it('counts pinyin hits in totals and respects the limit', () => {
    const r = ws.search.nodes('gl', 2);
    expect(r.nodes).toHaveLength(2);
    expect(r.total).toBeGreaterThan(2); // 管理与传承, 封样管理, 断针管理, 外发加工管理, …
  });

  it('Ctrl+K (search:query) lists pinyin node hits with why, but never finds documents by pinyin', () => {
    const pages = [...ws.libraryStore.allPages()];
    // The sample's documents do mention 版型 …
    expect(pages.some((p) => p.text.includes('版型'))).toBe(true);
    const r = ws.search.query('banxing');
    // … but document text is not read as pinyin: only documents with the letters themselves could match.
    const withLetters = new Set(pages.filter((p) => /banxing/i.test(p.text)).map((p) => p.doc_id));
    expect(r.docs.map((d) => d.doc.id).sort()).toEqual([...withLetters].sort());
    const node = r.nodes.find((n) => n.node.label === '版型');
    expect(node?.matchedBy).toBe('pinyin');
    expect(node?.pinyin?.matched).toBe('版型');
    expect(r.totalNodes).toBeGreaterThanOrEqual(r.nodes.length);
    expect(ws.search.query('banxing', { filters: { nodes: false } }).nodes).toEqual([]);
  });

  it('the expertise locator finds areas by pinyin and says so', () => {
    const r = ws.experts.locate({ query: 'fygl' });
    expect(r.matches).toEqual([
      expect.objectContaining({
        label: '封样管理',
        via: 'search',
        pinyin: expect.objectContaining({ typed: 'fygl', matched: '封样管理' }),
      }),
    ]);
    // Who knows 封样管理 in the sample (a `knows` edge from 许明).
    expect(r.experts.length).toBeGreaterThan(0);
  });
});
