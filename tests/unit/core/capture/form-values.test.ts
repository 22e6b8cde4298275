import { describe, expect, it } from 'vitest';
import { oneYearAfter } from '../../../../main/core/capture/capture-context';
import { defaultTemplate } from '../../../../main/core/capture/default-templates';
import { checkAnswers, entryHasBody, entryTitle } from '../../../../main/core/capture/form-values';
import { caught } from './capture-fixtures';

describe('entryTitle', () => {
  it('is the first line without its bullet or number, whitespace collapsed', () => {
    expect(entryTitle('- 关键面料提前两周下单')).toBe('关键面料提前两周下单');
    expect(entryTitle('2、裁剪前核对缸号\n不同缸号分床')).toBe('裁剪前核对缸号');
    expect(entryTitle('（3）测试验证阶段真人试穿')).toBe('测试验证阶段真人试穿');
    expect(entryTitle('12) Pack by display set')).toBe('Pack by display set');
    expect(entryTitle('\n\n   Keep   the weekly\tmeeting  \nbecause it works')).toBe(
      'Keep the weekly meeting',
    );
    // A number that is the lesson itself stays.
    expect(entryTitle('3 sizes at least in fit trials')).toBe('3 sizes at least in fit trials');
    expect(entryTitle('-')).toBe('-');
  });

  it('cuts at 120 characters (code points, so a CJK extension character counts once) with an ellipsis', () => {
    const long = '缸'.repeat(130);
    expect(entryTitle(long)).toBe(`${'缸'.repeat(119)}…`);
    expect([...entryTitle('𠀀'.repeat(121))]).toHaveLength(120);
    expect(entryTitle('缸'.repeat(120))).toBe('缸'.repeat(120));
  });
});

describe('entryHasBody', () => {
  it('is true when a non-blank line follows the first non-blank one', () => {
    expect(entryHasBody('转角慢刀')).toBe(false);
    expect(entryHasBody('\n转角慢刀\n  \n')).toBe(false);
    expect(entryHasBody('转角慢刀\n刀口垂直')).toBe(true);
  });
});

describe('checkAnswers', () => {
  const aar = defaultTemplate('aar');
  const full = { title: 'T', expected: 'E', happened: 'H', why: 'W' };

  it('normalises: trimmed answers, one-line text without breaks, CRLF, blank list entries dropped', () => {
    const a = checkAnswers(aar, {
      ...full,
      title: '  春季\r\n新品  上市 ',
      why: 'a\r\nb',
      keep: ['  x  ', '', ' \n ', 'y\r\nz'],
    });
    expect(a.text('title')).toBe('春季 新品  上市');
    expect(a.text('why')).toBe('a\nb');
    expect(a.list('keep')).toEqual(['x', 'y\nz']);
    expect(a.list('change')).toEqual([]);
    expect(a.text('nothing')).toBe('');
  });

  it('names the first required field left empty, in form order', () => {
    expect(caught(() => checkAnswers(aar, { expected: 'E' }))).toMatchObject({
      key: 'capture:errors.required',
      path: ['values', 'title'],
    });
    expect(caught(() => checkAnswers(aar, { ...full, happened: ' \n ' }))).toMatchObject({
      path: ['values', 'happened'],
    });
  });

  it('takes a choice by its option value only', () => {
    const record = defaultTemplate('apprentice');
    const base = { order: 'O', machine: 'M' };
    expect(checkAnswers(record, { ...base, experienceSource: 'insight' }).text('experienceSource')).toBe(
      'insight',
    );
    expect(caught(() => checkAnswers(record, { ...base, experienceSource: '工作感悟' }))).toMatchObject({
      key: 'capture:errors.notAnOption',
      params: { value: '工作感悟' },
    });
  });
});

describe('oneYearAfter', () => {
  it('is the same day a year on, 29 February going to 28 February', () => {
    expect(oneYearAfter('2026-03-27')).toBe('2027-03-27');
    expect(oneYearAfter('2026-12-31')).toBe('2027-12-31');
    expect(oneYearAfter('2028-02-29')).toBe('2029-02-28');
    expect(oneYearAfter('2027-02-28')).toBe('2028-02-28');
  });
});
