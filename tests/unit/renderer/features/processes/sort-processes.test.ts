import { describe, expect, it } from 'vitest';
import { sortByLabel } from '../../../../../renderer/src/features/processes/sort-processes';

describe('process list order', () => {
  it('is pinyin order in Chinese (not Unicode blocks), natural numbers, and leaves its input alone', () => {
    const list = [
      { label: '售后服务流程' },
      { label: '成衣生产流程' },
      { label: '团体定制销售流程' },
      { label: '新品研发流程' },
    ];
    // chéng < shòu < tuán < xīn; by code point 售 (U+552E) would come before 团 (U+56E2) and 成 (U+6210).
    expect(sortByLabel(list, 'zh-CN').map((p) => p.label)).toEqual([
      '成衣生产流程',
      '售后服务流程',
      '团体定制销售流程',
      '新品研发流程',
    ]);
    expect(sortByLabel([{ label: 'Step 10' }, { label: 'step 9' }], 'en').map((p) => p.label)).toEqual([
      'step 9',
      'Step 10',
    ]);
    expect(list[0]!.label).toBe('售后服务流程');
  });
});
