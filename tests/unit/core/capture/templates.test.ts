import { describe, expect, it } from 'vitest';
import type { CaptureTemplate } from '../../../../preload/contract';
import {
  DEFAULT_AAR_TEMPLATE,
  DEFAULT_APPRENTICE_TEMPLATE,
  defaultTemplate,
} from '../../../../main/core/capture/default-templates';
import { validateCaptureTemplate } from '../../../../main/core/capture/template-rules';
import { metaOfDb } from '../../../../main/core/db/meta-table';
import { templateKey } from '../../../../main/core/capture/template-store';
import { caught, content, openSample, sid, springLaunchAar } from './capture-fixtures';

/** The default AAR template with `edit` applied to a copy. */
function aar(edit: (t: CaptureTemplate) => void): CaptureTemplate {
  const t = defaultTemplate('aar');
  edit(t);
  return t;
}

describe('validateCaptureTemplate', () => {
  it('accepts both defaults as they are', () => {
    expect(validateCaptureTemplate(DEFAULT_AAR_TEMPLATE)).toEqual(DEFAULT_AAR_TEMPLATE);
    expect(validateCaptureTemplate(DEFAULT_APPRENTICE_TEMPLATE)).toEqual(DEFAULT_APPRENTICE_TEMPLATE);
  });

  it('refuses a template that drops a field the items are made from, or makes a list of it no longer', () => {
    const noKeep = aar((t) => (t.sections[2]!.fields = t.sections[2]!.fields.filter((f) => f.id !== 'keep')));
    expect(caught(() => validateCaptureTemplate(noKeep))).toEqual({
      code: 'invalid_input',
      key: 'capture:errors.mappedFieldMissing',
      path: ['template', 'sections'],
      params: { id: 'keep', zh: '保持', en: 'What to keep' },
    });
    // A whole section removed takes `title` with it.
    const noContext = aar((t) => t.sections.shift());
    expect(caught(() => validateCaptureTemplate(noContext))).toMatchObject({ params: { id: 'title' } });
    const changeAsText = aar((t) => (t.sections[2]!.fields[1]!.kind = 'multiline'));
    expect(caught(() => validateCaptureTemplate(changeAsText))).toEqual({
      code: 'invalid_input',
      key: 'capture:errors.mappedFieldKind',
      path: ['template', 'sections', 2, 'fields', 1, 'kind'],
      params: { id: 'change', zh: '改进', en: 'What to change', want: 'list' },
    });
    const whyAsList = aar((t) => (t.sections[1]!.fields[2]!.kind = 'list'));
    expect(caught(() => validateCaptureTemplate(whyAsList))).toMatchObject({
      params: { id: 'why', want: 'text' },
    });
    const orderAsChoice = defaultTemplate('apprentice');
    orderAsChoice.sections[0]!.fields[0]!.kind = 'select';
    orderAsChoice.sections[0]!.fields[0]!.options = [{ value: 'a', label: { zh: '甲', en: 'A' } }];
    expect(caught(() => validateCaptureTemplate(orderAsChoice))).toMatchObject({
      key: 'capture:errors.mappedFieldKind',
      params: { id: 'order', want: 'text' },
    });
  });

  it('lets the knowledge manager rename, reorder, move, re-kind text fields and add fields', () => {
    const edited = aar((t) => {
      t.title.zh = '项目复盘';
      t.sections[1]!.fields.reverse();
      t.sections[0]!.fields[0]!.kind = 'multiline';
      const keep = t.sections[2]!.fields.shift()!;
      t.sections[0]!.fields.push(keep, {
        id: 'followUp',
        label: { zh: '跟进人', en: 'Follow-up by' },
        kind: 'text',
        required: true,
      });
      t.sections.reverse();
    });
    expect(validateCaptureTemplate(edited)).toEqual(edited);
  });

  it('refuses duplicate ids, choices without options and options on other kinds; drops an empty options list', () => {
    const twoWhys = aar((t) => t.sections[0]!.fields.push({ ...t.sections[1]!.fields[2]! }));
    expect(caught(() => validateCaptureTemplate(twoWhys))).toEqual({
      code: 'invalid_input',
      key: 'capture:errors.duplicateId',
      path: ['template', 'sections', 1, 'fields', 2, 'id'],
      params: { id: 'why' },
    });
    const twoSections = aar((t) => (t.sections[1]!.id = 'context'));
    expect(caught(() => validateCaptureTemplate(twoSections))).toMatchObject({
      key: 'capture:errors.duplicateId',
      path: ['template', 'sections', 1, 'id'],
    });
    const noOptions = defaultTemplate('apprentice');
    noOptions.sections[3]!.fields[0]!.options = [];
    expect(caught(() => validateCaptureTemplate(noOptions))).toEqual({
      code: 'invalid_input',
      key: 'capture:errors.selectWithoutOptions',
      path: ['template', 'sections', 3, 'fields', 0, 'options'],
      params: { id: 'experienceSource', zh: '经验来源', en: 'Where the experience came from' },
    });
    const twice = defaultTemplate('apprentice');
    twice.sections[3]!.fields[0]!.options![2]!.value = 'vocational';
    expect(caught(() => validateCaptureTemplate(twice))).toMatchObject({
      key: 'capture:errors.duplicateOption',
      path: ['template', 'sections', 3, 'fields', 0, 'options', 2, 'value'],
      params: { value: 'vocational' },
    });
    const textWithOptions = aar(
      (t) => (t.sections[0]!.fields[0]!.options = [{ value: 'x', label: { zh: '甲', en: 'X' } }]),
    );
    expect(caught(() => validateCaptureTemplate(textWithOptions))).toMatchObject({
      key: 'capture:errors.optionsOnNonSelect',
      path: ['template', 'sections', 0, 'fields', 0, 'options'],
    });
    const emptyOptions = aar((t) => (t.sections[0]!.fields[0]!.options = []));
    expect(validateCaptureTemplate(emptyOptions)).toEqual(DEFAULT_AAR_TEMPLATE);
  });

  it('names where a malformed template breaks the shape', () => {
    const badId = aar((t) => (t.sections[0]!.fields[0]!.id = 'Follow-up'));
    const e = caught(() => validateCaptureTemplate(badId));
    expect(e).toMatchObject({
      code: 'invalid_input',
      key: 'capture:errors.templateInvalid',
      path: ['template', 'sections', 0, 'fields', 0, 'id'],
      params: { path: 'sections.0.fields.0.id' },
    });
    const noEnglish = aar((t) => (t.sections[1]!.fields[0]!.label.en = '  '));
    expect(caught(() => validateCaptureTemplate(noEnglish))).toMatchObject({
      path: ['template', 'sections', 1, 'fields', 0, 'label', 'en'],
      params: { reason: 'a name cannot be empty' },
    });
  });
});

describe('CaptureTemplateStore and CaptureService with the knowledge manager’s template', () => {
  it('keeps an edited template in meta, falls back to the default on reset or a damaged value', () => {
    const { db, service } = openSample();
    expect(service.template('aar')).toEqual({ template: DEFAULT_AAR_TEMPLATE, customised: false });
    const edited = aar((t) => (t.tag = '复盘'));
    expect(service.setTemplate(edited)).toEqual({ template: edited, customised: true });
    expect(service.template('aar')).toEqual({ template: edited, customised: true });
    expect(service.template('apprentice').customised).toBe(false);
    expect(JSON.parse(metaOfDb(db).get(templateKey('aar'))!)).toEqual(edited);
    // Saving the default again stores nothing.
    expect(service.setTemplate(defaultTemplate('aar'))).toEqual({
      template: DEFAULT_AAR_TEMPLATE,
      customised: false,
    });
    expect(metaOfDb(db).get(templateKey('aar'))).toBeNull();
    service.setTemplate(edited);
    expect(service.resetTemplate('aar')).toEqual({ template: DEFAULT_AAR_TEMPLATE, customised: false });
    expect(metaOfDb(db).get(templateKey('aar'))).toBeNull();
    // A refused template leaves the stored one as it was.
    service.setTemplate(edited);
    expect(() => service.setTemplate(aar((t) => t.sections.pop()))).toThrow(/cannot be removed/);
    expect(service.template('aar').template.tag).toBe('复盘');
    // A value that no longer validates (hand-edited, or another form's) opens the default.
    metaOfDb(db).set(templateKey('aar'), '{"form":"aar"');
    expect(service.template('aar').customised).toBe(false);
    metaOfDb(db).set(templateKey('aar'), JSON.stringify(DEFAULT_APPRENTICE_TEMPLATE));
    expect(service.template('aar')).toEqual({ template: DEFAULT_AAR_TEMPLATE, customised: false });
  });

  it('submits against the template in use: its names, its own required fields, its tag', () => {
    const { store, service } = openSample();
    service.setTemplate(
      aar((t) => {
        t.tag = '复盘';
        t.sections[2]!.fields[1]!.label.zh = '下次改进';
        t.sections[1]!.fields[2]!.required = false;
        t.sections[2]!.fields.push({
          id: 'followUp',
          label: { zh: '跟进人', en: 'Follow-up by' },
          kind: 'text',
          required: true,
        });
      }),
    );
    const base = springLaunchAar();
    const before = content(store);
    expect(caught(() => service.submitAar(base))).toMatchObject({
      key: 'capture:errors.required',
      path: ['values', 'followUp'],
      params: { zh: '跟进人' },
    });
    expect(content(store)).toEqual(before);
    const { why: _why, ...values } = base.values;
    void _why;
    const r = service.submitAar({
      ...base,
      participantIds: [],
      ownerId: undefined,
      targetId: sid('st-rnd-detailed'),
      values: { ...values, keep: [], change: ['详细设计阶段结束前签核号型表'], followUp: '王浩然' },
    });
    const item = store.findNode(r.createdIds[0]!)!;
    expect(item.tags).toEqual(['复盘']);
    expect(item.description).toContain('\n- 下次改进\n- 流程节点：详细设计（新品研发流程）\n\n');
    expect(item.description.endsWith('**跟进人**\n\n王浩然')).toBe(true);
    expect(item.description).not.toContain('差异原因');
  });

  it('leaves an optional review title out of the header and the summary when it is not answered', () => {
    const { store, service } = openSample();
    service.setTemplate(aar((t) => (t.sections[0]!.fields[0]!.required = false)));
    const { title: _title, ...values } = springLaunchAar().values;
    void _title;
    const r = service.submitAar({
      targetId: sid('pr-rnd'),
      date: '2026-03-27',
      values: { ...values, keep: ['门店每日反馈销售数据'], change: [] },
    });
    expect(r.summary.label).toBe('行动后反思（AAR）：1 条经验');
    expect(store.findNode(r.createdIds[0]!)!.description.split('\n\n')[2]!.split('\n')[0]).toBe(
      '- 行动后反思（AAR）：2026-03-27',
    );
  });
});
