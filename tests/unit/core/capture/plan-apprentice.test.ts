import { describe, expect, it } from 'vitest';
import { seciStageOf } from '../../../../main/core/capture/plan-apprentice';
import { caught, content, cuttingRecord, openSample, sid } from './capture-fixtures';

const WU = sid('ex-wu-xiulan');
const LU = sid('ex-lu-xiaojun');
const OPERATION = sid('st-mfg-operation');
const MARKER = sid('kn-marker-making');

/** The record's context after its header, in template order (phases, labour, materials, experience). */
const CONTEXT = [
  '**准备阶段**',
  '核对工艺单、唛架和裁剪通知单,确认款号、颜色、号型配比一致。按缸号登记面料,不同缸号分床。',
  '**作业阶段**',
  '先裁小片,后裁大片;刀口垂直,转角处放慢速度。对条对格款式先裁主片,再按主片位置配裁袋盖、领片。',
  '**流转阶段**',
  '裁片按“床次—层号—号型”编号,同一层、同一号型的裁片合为一扎,每扎不超过 20 片,扎内附流转卡。',
  '**人工**',
  '吴秀兰排料、开裁,陆晓军拉布并记录,另有一名辅工捆扎。',
  '**材料**',
  '全棉条纹衬衫布两个缸号,共 60 层;裁剪记录表记下实际用料和剩余布头。',
  '**经验来源**',
  '师带徒',
  '**经验判断**',
  '下道缝制班组要求每扎附流转卡,编号贴在缝份内侧不显眼处。',
].join('\n\n');

const HEADER = (field: string) =>
  [
    '- 师带徒生产记录：JX-2611-032 团体工装衬衫、2 号裁床（2026-11-18）',
    `- ${field}`,
    '- 流程节点：生产作业（成衣生产流程）',
    '- 师傅：吴秀兰',
    '- 徒弟：陆晓军',
  ].join('\n');

describe('seciStageOf', () => {
  it('is externalisation once an entry explains how, socialisation while it only names the know-how', () => {
    expect(seciStageOf(['转角慢刀'])).toBe('socialisation');
    expect(seciStageOf(['转角慢刀\n\n   '])).toBe('socialisation');
    expect(seciStageOf(['转角慢刀\n转角处放慢速度,刀口保持垂直。'])).toBe('externalisation');
    expect(seciStageOf(['转角慢刀', '\n\n转角慢刀\n慢'])).toBe('externalisation');
  });
});

describe('planApprenticeSubmission on a cutting job of the sample', () => {
  it('creates tacit items held by master and apprentice, and links the technique the sample already has', () => {
    const { store, service } = openSample();
    const before = content(store);
    const stats = store.stats();
    const markerBefore = store.getNodeDetail(MARKER);
    const r = service.submitApprentice(cuttingRecord());

    // Techniques 唛架排料技巧 (exists), 弹力面料松布时间, 转角慢刀; craft 对条对格配裁.
    expect(r.linkedIds).toEqual([MARKER]);
    expect(r.createdIds).toEqual(['new-1', 'new-2', 'new-3']);
    expect(r.createdIds.map((id) => store.findNode(id)!.label)).toEqual([
      '弹力面料松布时间',
      '转角慢刀',
      '对条对格配裁',
    ]);
    expect(r.summary).toEqual({
      action: 'add',
      kind: 'knowledge',
      label: '师带徒生产记录：4 项技艺——JX-2611-032 团体工装衬衫',
      count: 4,
    });

    // New: 3 items, each learned_at the step and known by the master (5) and the apprentice (2).
    // Linked: a learned_at edge and the apprentice's knows edge; 吴秀兰 already knows it at 5.
    const after = store.stats();
    expect(after.nodes.knowledge).toBe(stats.nodes.knowledge! + 3);
    expect(after.edges.learned_at).toBe(stats.edges.learned_at! + 4);
    expect(after.edges.knows).toBe(stats.edges.knows! + 3 * 2 + 1);
    expect(after.edges.owns).toBe(stats.edges.owns);
    for (const id of r.createdIds) {
      const d = store.getNodeDetail(id);
      expect(d.edges.map((e) => [e.kind, e.source, e.target, e.props])).toEqual([
        ['learned_at', id, OPERATION, {}],
        ['knows', WU, id, { proficiency: 5 }],
        ['knows', LU, id, { proficiency: 2 }],
      ]);
      expect(d.node.tags).toEqual(['师带徒']);
    }
    const props = (id: string) => store.findNode(id)!.props;
    const tacit = {
      form: 'tacit',
      existence: 'person',
      status: 'draft',
      confidentiality: 'internal',
      importance: 2,
    };
    expect(props('new-1')).toEqual({ ...tacit, seciStage: 'externalisation', reviewDue: '2027-11-18' });
    expect(props('new-2')).toEqual({ ...tacit, seciStage: 'socialisation', reviewDue: '2027-11-18' });
    expect(props('new-3')).toEqual({ ...tacit, seciStage: 'externalisation', reviewDue: '2027-11-18' });
    expect(store.findNode('new-2')!.description).toBe(
      ['转角慢刀', '---', HEADER('技术'), CONTEXT].join('\n\n'),
    );
    expect(store.findNode('new-3')!.description).toBe(
      [
        '1. 对条对格配裁\n先裁主片,再按主片上的条格位置配裁袋盖和领片,不能整床同时开裁。',
        '---',
        HEADER('工艺'),
        CONTEXT,
      ].join('\n\n'),
    );

    // The linked item keeps its props and its master's proficiency; the record is appended to its description.
    const marker = store.getNodeDetail(MARKER);
    expect(marker.node.props).toEqual(markerBefore.node.props);
    expect(marker.node.tags).toEqual([...markerBefore.node.tags, '师带徒']);
    expect(marker.node.description).toBe(
      `${markerBefore.node.description}\n\n---\n\n${['唛架排料技巧', '---', HEADER('技术'), CONTEXT].join('\n\n')}`,
    );
    const knows = (expert: string) =>
      marker.edges.filter((e) => e.kind === 'knows' && e.source === expert).map((e) => e.props.proficiency);
    expect(knows(WU)).toEqual([5]);
    expect(knows(LU)).toEqual([2]);
    expect(marker.edges.filter((e) => e.kind === 'learned_at').map((e) => e.target)).toEqual([OPERATION]);

    // One undo step restores the graph as it was.
    expect(store.history.state().undo).toEqual(r.summary);
    store.undo();
    expect(content(store)).toEqual(before);
  });

  it('links everything the second time the same record comes in (no duplicates, no second edges)', () => {
    const { store, service } = openSample();
    const first = service.submitApprentice(cuttingRecord());
    const stats = store.stats();
    const second = service.submitApprentice({ ...cuttingRecord(), date: '2026-11-19' });
    expect(second.createdIds).toEqual([]);
    expect(second.linkedIds).toEqual([MARKER, ...first.createdIds]);
    expect(second.summary.action).toBe('edit');
    expect(store.stats()).toEqual(stats);
    const text = store.findNode('new-2')!.description;
    expect(text.split('（2026-11-1').length - 1).toBe(2);
  });

  it('groups entries with the same title (NFKC, case folded) into one item', () => {
    const { store, service } = openSample();
    const record = cuttingRecord();
    const r = service.submitApprentice({
      ...record,
      values: {
        ...record.values,
        technique: ['Ｃｕｔ slowly at corners', '- cut  slowly at corners\nKeep the blade upright.'],
        craft: [],
      },
    });
    expect(r.createdIds).toEqual(['new-1']);
    expect(store.findNode('new-1')!.label).toBe('Ｃｕｔ slowly at corners');
    expect(store.findNode('new-1')!.props.seciStage).toBe('externalisation');
    expect(
      store
        .findNode('new-1')!
        .description.startsWith('Ｃｕｔ slowly at corners\n\n- cut  slowly at corners\nKeep'),
    ).toBe(true);
  });

  it('refuses a record without know-how, or with the same person as master and apprentice', () => {
    const { store, service } = openSample();
    const before = content(store);
    const record = cuttingRecord();
    expect(caught(() => service.submitApprentice({ ...record, apprenticeId: WU }))).toEqual({
      code: 'invalid_input',
      key: 'capture:errors.sameMasterApprentice',
      path: ['apprenticeId'],
      params: undefined,
    });
    expect(
      caught(() =>
        service.submitApprentice({ ...record, values: { ...record.values, technique: [], craft: [' '] } }),
      ),
    ).toMatchObject({ key: 'capture:errors.noTechniques', path: ['values', 'technique'] });
    expect(
      caught(() => service.submitApprentice({ ...record, masterId: sid('un-plant-suzhou') })),
    ).toMatchObject({
      key: 'capture:errors.notExpert',
      path: ['masterId'],
    });
    expect(
      caught(() =>
        service.submitApprentice({ ...record, values: { ...record.values, experienceSource: 'book' } }),
      ),
    ).toEqual({
      code: 'invalid_input',
      key: 'capture:errors.notAnOption',
      path: ['values', 'experienceSource'],
      params: { id: 'experienceSource', zh: '经验来源', en: 'Where the experience came from', value: 'book' },
    });
    expect(
      caught(() =>
        service.submitApprentice({ ...record, values: { ...record.values, experienceSource: '' } }),
      ),
    ).toMatchObject({ key: 'capture:errors.required', path: ['values', 'experienceSource'] });
    expect(content(store)).toEqual(before);
  });
});
