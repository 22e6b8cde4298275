import { describe, expect, it } from 'vitest';
import { buildGraphIndex } from '../../../../main/core/analytics/graph-index';
import { planAarSubmission } from '../../../../main/core/capture/plan-aar';
import { caught, content, openSample, sid, springLaunchAar } from './capture-fixtures';

const CHANGE_LESSONS = [
  '关键面料提前两周下单,交期预留缓冲',
  '裁剪前核对缸号,不同缸号分床',
  '详细设计阶段结束前签核号型表',
  '测试验证阶段至少三个号型真人试穿',
  '工厂按门店陈列组合装箱',
];

describe('planAarSubmission on the sample AAR of the spring launch', () => {
  it('makes each keep and change entry one explicit item learned at the process, as one undo step', () => {
    const { store, service } = openSample();
    const before = content(store);
    const stats = store.stats();
    const r = service.submitAar(springLaunchAar());

    // 2 keep + 5 change entries, in form order.
    expect(r.createdIds).toEqual(['new-1', 'new-2', 'new-3', 'new-4', 'new-5', 'new-6', 'new-7']);
    expect(r.linkedIds).toEqual([]);
    expect(r.summary).toEqual({
      action: 'add',
      kind: 'knowledge',
      label: '行动后反思（AAR）：7 条经验——春季女装与衬衫系列上市',
      count: 7,
    });
    const labels = r.createdIds.map((id) => store.findNode(id)!.label);
    expect(labels).toEqual(['上新前一周的跨部门例会', '门店每日反馈销售数据', ...CHANGE_LESSONS]);

    // Per lesson: learned_at the process, known by the 4 participants at 3, owned by the KM officer.
    const after = store.stats();
    expect(after.nodes.knowledge).toBe(stats.nodes.knowledge! + 7);
    expect(after.edges.learned_at).toBe(stats.edges.learned_at! + 7);
    expect(after.edges.knows).toBe(stats.edges.knows! + 7 * 4);
    expect(after.edges.owns).toBe(stats.edges.owns! + 7);
    const detail = store.getNodeDetail('new-3');
    expect(
      detail.edges
        .map((e) => [e.kind, e.source, e.target, e.props])
        .sort((a, b) => String(a).localeCompare(String(b))),
    ).toEqual(
      [
        ['learned_at', 'new-3', sid('pr-rnd'), {}],
        ['knows', sid('ex-sun-yating'), 'new-3', { proficiency: 3 }],
        ['knows', sid('ex-wu-xiulan'), 'new-3', { proficiency: 3 }],
        ['knows', sid('ex-luo-jia'), 'new-3', { proficiency: 3 }],
        ['knows', sid('ex-xu-ming'), 'new-3', { proficiency: 3 }],
        ['owns', sid('ex-cao-yan'), 'new-3', {}],
      ].sort((a, b) => String(a).localeCompare(String(b))),
    );
    const item = detail.node;
    expect(item.kind).toBe('knowledge');
    expect(item.tags).toEqual(['AAR']);
    expect(item.props).toEqual({
      form: 'explicit',
      existence: 'case',
      seciStage: 'externalisation',
      status: 'active',
      confidentiality: 'internal',
      importance: 2,
      reviewDue: '2027-03-27',
    });
    expect(item.description).toBe(
      [
        '关键面料提前两周下单,交期预留缓冲',
        '---',
        [
          '- 行动后反思（AAR）：春季女装与衬衫系列上市（2026-03-27）',
          '- 改进',
          '- 流程：新品研发流程',
          '- 参与人：孙雅婷、吴秀兰、罗佳、徐明',
          '- 负责人：曹燕',
        ].join('\n'),
        '**原定目标**',
        '首波新品在三月第一个周末前全部到店,首月售罄率达到 35%,大货一次检验合格率不低于 97%。',
        '**实际结果**',
        '- 首波新品比计划晚九天到店,首月售罄率为 28%。\n- 一批衬衫出现前后片色差,返工后才出货,一次合格率为 93%。\n- 上市后,大码顾客反映两款西裤腰围偏紧。',
        '**差异原因**',
        springLaunchAar().values.why,
      ].join('\n\n'),
    );
    // The first lesson is a "keep".
    expect(store.findNode('new-1')!.description.split('\n\n')[2]!.split('\n')[1]).toBe('- 保持');

    // One undo step, named by the summary; undo restores the graph exactly, redo brings the lessons back.
    expect(store.history.state().undo).toEqual(r.summary);
    store.undo();
    expect(content(store)).toEqual(before);
    store.redo();
    expect(store.findNode('new-7')!.label).toBe('工厂按门店陈列组合装箱');
    expect(store.stats().edges.knows).toBe(stats.edges.knows! + 28);
  });

  it('writes in English when asked, and names the step and its process', () => {
    const { store } = openSample();
    const index = buildGraphIndex(store.getGraph());
    const plan = planAarSubmission(
      {
        targetId: sid('st-mfg-operation'),
        date: '2028-02-29',
        language: 'en',
        values: {
          title: 'Shirt order JX-1',
          expected: 'First-pass yield 97%',
          happened: '93%',
          why: 'Two dye lots on one lay',
          change: ['  - Check dye lots before cutting\nOne lot per lay.  '],
        },
      },
      index,
      { newId: () => 'L' },
    );
    expect(plan.summary.label).toBe('After Action Review (AAR): 1 lesson — Shirt order JX-1');
    // One item and its learned_at edge: no participants, no owner.
    expect(plan.ops.map((o) => o.op)).toEqual(['addNode', 'addEdge']);
    const add = plan.ops[0]!;
    if (add.op !== 'addNode') throw new Error('expected addNode');
    expect(add.node.label).toBe('Check dye lots before cutting');
    expect(add.node.props!.reviewDue).toBe('2029-02-28');
    expect(add.node.description).toBe(
      [
        '- Check dye lots before cutting\nOne lot per lay.',
        '---',
        '- After Action Review (AAR): Shirt order JX-1 (2028-02-29)\n- What to change\n- Step: 生产作业 (成衣生产流程)',
        '**What was expected**',
        'First-pass yield 97%',
        '**What actually happened**',
        '93%',
        '**Why they differ**',
        'Two dye lots on one lay',
      ].join('\n\n'),
    );
  });

  it('refuses bad submissions with the field at fault, and writes nothing', () => {
    const { store, service } = openSample();
    const before = content(store);
    const base = springLaunchAar();
    const submit = (patch: Partial<typeof base>) => caught(() => service.submitAar({ ...base, ...patch }));

    expect(submit({ targetId: sid('kn-marker-making') })).toEqual({
      code: 'invalid_input',
      key: 'capture:errors.notStepOrProcess',
      path: ['targetId'],
      params: { label: '唛架排料技巧', kind: 'knowledge' },
    });
    expect(submit({ targetId: 'no-such-node' })).toMatchObject({
      code: 'not_found',
      key: 'errors.nodeNotFound',
      path: ['targetId'],
    });
    expect(submit({ participantIds: [sid('ex-xu-ming'), sid('st-rnd-testing')] })).toEqual({
      code: 'invalid_input',
      key: 'capture:errors.notExpert',
      path: ['participantIds', 1],
      params: { label: '测试验证' },
    });
    expect(submit({ ownerId: sid('pr-rnd') })).toMatchObject({
      key: 'capture:errors.notExpert',
      path: ['ownerId'],
    });
    expect(submit({ values: { ...base.values, keep: [], change: ['  ', '\n'] } })).toEqual({
      code: 'invalid_input',
      key: 'capture:errors.noLessons',
      path: ['values', 'keep'],
      params: undefined,
    });
    const { why: _why, ...noWhy } = base.values;
    void _why;
    expect(submit({ values: noWhy })).toEqual({
      code: 'invalid_input',
      key: 'capture:errors.required',
      path: ['values', 'why'],
      params: { id: 'why', zh: '差异原因', en: 'Why they differ' },
    });
    expect(submit({ values: { ...base.values, why: '   ' } })).toMatchObject({
      key: 'capture:errors.required',
    });
    expect(submit({ values: { ...base.values, followUp: 'x' } })).toMatchObject({
      key: 'capture:errors.unknownField',
      path: ['values', 'followUp'],
      params: { id: 'followUp' },
    });
    expect(submit({ values: { ...base.values, keep: '上新前一周的跨部门例会' } })).toMatchObject({
      key: 'capture:errors.notAList',
      path: ['values', 'keep'],
    });
    expect(submit({ values: { ...base.values, title: ['a'] } })).toMatchObject({
      key: 'capture:errors.notText',
      path: ['values', 'title'],
    });
    // A review whose lessons' descriptions would pass the store's 100,000 characters (the channel caps each
    // answer at 20,000; four long answers of a longer template can still add up).
    expect(submit({ values: { ...base.values, why: '因'.repeat(100_000) } })).toEqual({
      code: 'invalid_input',
      key: 'capture:errors.tooLong',
      path: ['values', 'keep', 0],
      params: { label: '上新前一周的跨部门例会', length: expect.any(Number), max: 100_000 },
    });
    expect(content(store)).toEqual(before);
    expect(store.history.state().canUndo).toBe(false);
  });
});
