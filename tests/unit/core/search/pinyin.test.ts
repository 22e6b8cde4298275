import { describe, expect, it } from 'vitest';
import { matchPinyin, pinyinLetters, pinyinQuery, readName } from '../../../../main/core/search/pinyin';

/** The matched characters of `name` for `typed`, or null (pinyin.ts readName + matchPinyin). */
function matched(name: string, typed: string): string | null {
  const q = pinyinQuery(typed);
  if (!q) return null;
  const m = matchPinyin(readName(name), q.letters, q.breaks);
  return m ? name.slice(m.start, m.end) : null;
}

describe('pinyin matching of names (pinyin-pro readings)', () => {
  it('finds 知识管理 by full pinyin, initials and a mix, with or without spaces', () => {
    for (const typed of ['zhishiguanli', 'zsgl', 'zhishigl', 'zhi shi guan li', 'ZSGL', 'ｚｓｇｌ', 'zhsgl'])
      expect(matched('知识管理', typed), typed).toBe('知识管理');
    // As you type, the last syllable may be unfinished: 知识管 so far.
    expect(matched('知识管理', 'zhishigu')).toBe('知识管');
    // A run inside the name: its characters only.
    expect(matched('客户知识管理手册', 'zsgl')).toBe('知识管理');
    expect(matched('知识管理', 'gl')).toBe('管理');
    // Pieces must be whole syllables, initials or (last) a beginning: zh+sh+guan+l is one, "si" for 识 is not.
    expect(matched('知识管理', 'zhshguanl')).toBe('知识管理');
    expect(matched('知识管理', 'zhisiguanli')).toBeNull();
    expect(matched('知识管理', 'zsgx')).toBeNull();
    // Characters must be consecutive: 知…管 with 识 skipped is no match.
    expect(matched('知识管理', 'zg')).toBeNull();
  });

  it('reads polyphones as the word reads them: 银行 yinhang, 重庆 chongqing, 长大 zhangda', () => {
    expect(matched('银行', 'yinhang')).toBe('银行');
    expect(matched('银行', 'yh')).toBe('银行');
    expect(matched('银行', 'yinxing')).toBeNull(); // 行 as in 行走: not this word
    expect(matched('重庆', 'chongqing')).toBe('重庆');
    expect(matched('重庆', 'cq')).toBe('重庆');
    expect(matched('重庆', 'zhongqing')).toBeNull();
    expect(matched('长大', 'zhangda')).toBe('长大');
    expect(matched('长大', 'zd')).toBe('长大');
    expect(matched('长大', 'changda')).toBeNull();
    // The same characters the other way round: 行长 hangzhang.
    expect(matched('银行行长', 'hangzhang')).toBe('行长');
    expect(readName('重庆').syllables).toEqual(['chong', 'qing']);
  });

  it('takes ü as v or u, and skips what has no reading', () => {
    expect(matched('绿色面料', 'lvse')).toBe('绿色');
    expect(matched('绿色面料', 'luse')).toBe('绿色');
    // Latin and digits in a name split it; a match cannot cross them.
    expect(matched('ISO9001认证', 'rz')).toBe('认证');
    expect(matched('知识ISO管理', 'zsgl')).toBeNull();
    expect(readName('CRM系统').syllables).toEqual([null, null, null, 'xi', 'tong']);
    expect(readName('Customer profile').readable).toBe(false);
  });

  it('only takes Latin letters (optionally spaced) as pinyin', () => {
    expect(pinyinLetters('zhi shi gl')).toBe('zhishigl');
    expect(pinyinLetters("xi'an")).toBe('xian');
    expect(pinyinLetters('z')).toBeNull(); // one letter: everything would match
    expect(pinyinLetters('知识')).toBeNull();
    expect(pinyinLetters('iso9001')).toBeNull();
    expect(pinyinLetters('zsgl 知识')).toBeNull();
    expect(pinyinLetters('"zsgl"')).toBeNull();
  });

  it("takes an apostrophe as a syllable boundary, as input methods do: xi'an is 西安, not 先", () => {
    expect(pinyinQuery("xi'an")).toEqual({ letters: 'xian', breaks: [2] });
    expect(matched('西安', "xi'an")).toBe('西安');
    expect(matched('先进', "xi'an")).toBeNull();
    expect(matched('先进', 'xian')).toBe('先'); // without the apostrophe both readings are fine
    expect(matched('西安', 'xian')).toBe('西安');
    // The typographic apostrophes phones and macOS put, and the full-width one.
    expect(matched('西安', 'xi’an')).toBe('西安');
    expect(matched('先进', 'xi’an')).toBeNull();
    expect(matched('西安', 'xi＇an')).toBe('西安');
    expect(matched('饥饿', "ji'e")).toBe('饥饿');
    expect(matched('皆', "ji'e")).toBeNull();
    // A boundary between initials, or doubled, or at the end, changes nothing else.
    expect(matched('西安', "x'a")).toBe('西安');
    expect(matched('西安', "xi''an'")).toBe('西安');
    expect(matched('知识管理', "zhi'shi'gl")).toBe('知识管理');
    expect(matched('知识管理', "zh'ishigl")).toBeNull(); // zh|ishi: 识 is not read "ishi"
  });

  it('reads ü and tone marks as a pinyin keyboard types them: lü, lǜ and nü', () => {
    expect(pinyinLetters('lü')).toBe('lv');
    expect(pinyinLetters('LǙSÈ')).toBe('lvse');
    expect(matched('绿色面料', 'lüse')).toBe('绿色');
    expect(matched('绿色面料', 'lǜ sè')).toBe('绿色');
    expect(matched('女装', 'nüzhuang')).toBe('女装');
    expect(matched('知识管理', 'zhī shí guǎn lǐ')).toBe('知识管理');
    expect(matched('路线', 'lü')).toBeNull(); // 路 is lu, not lü
  });
});
