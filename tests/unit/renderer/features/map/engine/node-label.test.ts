import { describe, expect, it } from 'vitest';
import {
  displayLabel,
  englishName,
  labelText,
  textWidth,
  wrapLabel,
} from '../../../../../../renderer/src/features/map/engine/node-label';

describe('node labels', () => {
  it('finds the English name: the first alias in Latin script, or a Latin label itself', () => {
    expect(englishName('拜访记录', ['Visit record'])).toBe('Visit record');
    expect(englishName('面料缩水率', ['缩水', 'Fabric shrinkage', 'Shrinkage'])).toBe('Fabric shrinkage');
    // Mixed Han and Latin is not an English name.
    expect(englishName('CRM系统录入规范', ['CRM 系统', 'CRM entry rules'])).toBe('CRM entry rules');
    expect(englishName('Lean production', ['精益生产'])).toBe('Lean production');
    expect(englishName('终止', [])).toBeNull();
  });

  it('picks the text for each mode, falling back to the label', () => {
    expect(labelText('拜访记录', ['Visit record'], 'zh')).toBe('拜访记录');
    expect(labelText('拜访记录', ['Visit record'], 'en')).toBe('Visit record');
    expect(labelText('拜访记录', ['Visit record'], 'both')).toBe('拜访记录 / Visit record');
    expect(labelText('终止', [], 'en')).toBe('终止');
    expect(labelText('终止', [], 'both')).toBe('终止');
  });

  it('wraps CJK at 8 characters and Latin at 16 columns on word boundaries, with plain newlines', () => {
    expect(textWidth('拜访记录')).toBe(8);
    expect(textWidth('C++ 规范')).toBe(8);
    expect(wrapLabel('拜访记录')).toBe('拜访记录');
    expect(wrapLabel('面料缩水率控制方法与标准')).toBe('面料缩水率控制方\n法与标准');
    expect(wrapLabel('Hangzhou Hubin flagship store')).toBe('Hangzhou Hubin\nflagship store');
    expect(wrapLabel('Jinxiu Apparel Co., Ltd.')).toBe('Jinxiu Apparel\nCo., Ltd.');
    // A Latin word inside Chinese is not split; punctuation does not start a line.
    expect(wrapLabel('CRM系统录入规范与流程说明')).toBe('CRM系统录入规范\n与流程说明');
    expect(wrapLabel('一二三四五六七八，九十')).toBe('一二三四五六七\n八，九十');
    expect(wrapLabel('一二三四五六七（八九）')).toBe('一二三四五六七\n（八九）');
    // Words longer than a line are cut; no zero-width spaces anywhere.
    expect(wrapLabel('Internationalisation-readiness')).toBe('Internationalisa\ntion-readiness');
    expect(wrapLabel('知'.repeat(40))).toBe(
      `${'知'.repeat(8)}\n${'知'.repeat(8)}\n${'知'.repeat(8)}\n${'知'.repeat(7)}…`,
    );
    expect(wrapLabel('面料缩水率控制方法与标准 Fabric shrinkage')).not.toMatch(/\u200b/);
  });

  it('puts both names on their own lines in "both" mode', () => {
    expect(displayLabel('拜访记录', ['Visit record'], 'both')).toBe('拜访记录\nVisit record');
    expect(displayLabel('杭州湖滨旗舰店', ['Hangzhou Hubin flagship store'], 'en')).toBe(
      'Hangzhou Hubin\nflagship store',
    );
    expect(displayLabel('终止', [], 'both')).toBe('终止');
  });
});
