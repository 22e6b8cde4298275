import type { CaptureField, CaptureFormKind, CaptureTemplate } from '../../../preload/contract';

const field = (
  id: string,
  zh: string,
  en: string,
  kind: CaptureField['kind'],
  required: boolean,
  help?: { zh: string; en: string },
): CaptureField => ({ id, label: { zh, en }, kind, required, ...(help ? { help } : {}) });

/**
 * The After Action Review as the US Army's AAR and the KM practice around it ask it (DESIGN §2): what was expected,
 * what actually happened, why the two differ, then what to keep and what to change. The last two are lists: each
 * entry is one lesson and becomes one knowledge item (CAPTURE_MAPPING.aar). The questions ask for facts and causes,
 * not blame, as an AAR's ground rules do.
 */
export const DEFAULT_AAR_TEMPLATE: CaptureTemplate = {
  form: 'aar',
  title: { zh: '行动后反思（AAR）', en: 'After Action Review (AAR)' },
  tag: 'AAR',
  sections: [
    {
      id: 'context',
      label: { zh: '复盘对象', en: 'What is reviewed' },
      fields: [
        field('title', '复盘主题', 'Review title', 'text', true, {
          zh: '一句话说明复盘的是哪个项目或哪次任务，例如“春季新品上市”。',
          en: 'Which project or task is reviewed, in a few words, e.g. “Spring launch”.',
        }),
      ],
    },
    {
      id: 'review',
      label: { zh: '回顾', en: 'Looking back' },
      fields: [
        field('expected', '原定目标', 'What was expected', 'multiline', true, {
          zh: '当初计划达到什么结果？尽量写可衡量的目标。',
          en: 'What did we set out to achieve? Measurable targets where there were any.',
        }),
        field('happened', '实际结果', 'What actually happened', 'multiline', true, {
          zh: '实际发生了什么？用事实和数字说话。',
          en: 'What happened, in facts and figures.',
        }),
        field('why', '差异原因', 'Why they differ', 'multiline', true, {
          zh: '结果为什么和目标不同？找流程和方法上的原因，不追究个人。',
          en: 'Why did the result differ from the plan? Causes in the way of working, not blame.',
        }),
      ],
    },
    {
      id: 'lessons',
      label: { zh: '经验教训', en: 'Lessons' },
      fields: [
        field('keep', '保持', 'What to keep', 'list', false, {
          zh: '哪些做法有效、下次继续？每条一项：第一行是标题，下面可以写具体做法。',
          en: 'What worked and should be done again? One lesson per entry: its first line is its title, the rest says how.',
        }),
        field('change', '改进', 'What to change', 'list', false, {
          zh: '下次要改变什么？写清楚怎么做、在哪个环节做。',
          en: 'What should be done differently next time, how, and at which step?',
        }),
      ],
    },
  ],
};

/**
 * The master–apprentice production record of the KM article's manufacturing case (ideas only): an apprentice
 * assigned to a master records each order worked on one machine, in time as preparation, operation and hand-over,
 * in resources as labour, technique, craft and materials, with the master's judgement (professional opinion,
 * upstream advice, downstream requirements) and where the experience came from (vocational teaching such as the
 * equipment supplier's training, the master–apprentice relation, extended training from customers or suppliers,
 * insight from the work). Each technique and craft entry becomes a tacit knowledge item (CAPTURE_MAPPING.apprentice).
 */
export const DEFAULT_APPRENTICE_TEMPLATE: CaptureTemplate = {
  form: 'apprentice',
  title: { zh: '师带徒生产记录', en: 'Master–apprentice production record' },
  tag: '师带徒',
  sections: [
    {
      id: 'job',
      label: { zh: '订单与设备', en: 'Order and machine' },
      fields: [
        field('order', '客户订单', 'Customer order', 'text', true, {
          zh: '订单号或款号，例如“JX-2612-045 团体工装衬衫”。',
          en: 'The order or style number, e.g. “JX-2612-045 uniform shirts”.',
        }),
        field('machine', '设备', 'Machine', 'text', true, {
          zh: '这笔订单在哪台设备上生产，例如“3 号自动裁床”。',
          en: 'The machine the order was worked on, e.g. “automatic cutter no. 3”.',
        }),
      ],
    },
    {
      id: 'phases',
      label: { zh: '作业过程', en: 'The work' },
      fields: [
        field('preparation', '准备阶段', 'Preparation', 'multiline', false, {
          zh: '开工前做了什么：核对、调机、备料。',
          en: 'What was done before starting: checks, machine set-up, materials.',
        }),
        field('operation', '作业阶段', 'Operation', 'multiline', false, {
          zh: '作业中的关键动作和判断。',
          en: 'The key moves and decisions while working.',
        }),
        field('handover', '流转阶段', 'Hand-over', 'multiline', false, {
          zh: '交给下道工序时交代了什么。',
          en: 'What was passed on to the next operation, and how.',
        }),
      ],
    },
    {
      id: 'resources',
      label: { zh: '资源', en: 'Resources' },
      fields: [
        field('labour', '人工', 'Labour', 'multiline', false, {
          zh: '几个人、什么岗位、怎么分工。',
          en: 'How many people, in which roles, who did what.',
        }),
        field('technique', '技术', 'Techniques', 'list', false, {
          zh: '师傅用到的技术要点，每项一条：第一行是名称，下面写怎么做。',
          en: 'The techniques the master used, one per entry: its name on the first line, then how it is done.',
        }),
        field('craft', '工艺', 'Craft', 'list', false, {
          zh: '工艺诀窍和分解动作，每项一条。',
          en: 'Craft know-how and the moves it breaks down into, one per entry.',
        }),
        field('materials', '材料', 'Materials', 'multiline', false, {
          zh: '用到的材料、过程材料和产出品。',
          en: 'Materials, materials used up in the process, and what came out.',
        }),
      ],
    },
    {
      id: 'experience',
      label: { zh: '经验', en: 'Experience' },
      fields: [
        {
          ...field('experienceSource', '经验来源', 'Where the experience came from', 'select', true),
          options: [
            {
              value: 'vocational',
              label: {
                zh: '职业教授（如设备厂商的培训）',
                en: 'Vocational teaching (e.g. the supplier’s training)',
              },
            },
            { value: 'apprenticeship', label: { zh: '师带徒', en: 'Master and apprentice' } },
            {
              value: 'extended',
              label: {
                zh: '延展培训（客户或供应商提供）',
                en: 'Extended training (by customers or suppliers)',
              },
            },
            { value: 'insight', label: { zh: '工作感悟', en: 'Insight from the work' } },
          ],
        },
        field('judgement', '经验判断', 'The master’s judgement', 'multiline', false, {
          zh: '职业意见、上游建议、下游要求、岗位要求。',
          en: 'Professional opinion, advice from upstream, what downstream needs, what the post requires.',
        }),
      ],
    },
  ],
};

/** The default template of each form. */
export const DEFAULT_TEMPLATES: Readonly<Record<CaptureFormKind, CaptureTemplate>> = {
  aar: DEFAULT_AAR_TEMPLATE,
  apprentice: DEFAULT_APPRENTICE_TEMPLATE,
};

/** A fresh copy of a form's default template (callers may change it). */
export function defaultTemplate(form: CaptureFormKind): CaptureTemplate {
  return structuredClone(DEFAULT_TEMPLATES[form]);
}
