import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../../../main/core/documents/extract';

describe('normalizeText', () => {
  it('applies NFKC: Kangxi radicals, full-width letters, ligatures', () => {
    expect(normalizeText('\u2f00つ')).toBe('一つ');
    expect(normalizeText('ＡＢＣ１２３ ｆｉｌｅ')).toBe('ABC123 file');
    expect(normalizeText('ﬁnd the ﬂow')).toBe('find the flow');
  });

  it('removes NUL and control characters but keeps tabs and line breaks', () => {
    expect(normalizeText('a\u0000b\u0007c\td\u001be\u0085f\nend')).toBe('abc\tdef\nend');
    expect(normalizeText('\ufeffzero\u200bwidth soft\u00adhyphen')).toBe('zerowidth softhyphen');
  });

  it('joins CJK words broken across line ends, also after trailing spaces', () => {
    expect(normalizeText('検知機\n構を一つ')).toBe('検知機構を一つ');
    expect(normalizeText('知识   \n  库')).toBe('知识库');
    expect(normalizeText('한국어\n텍스트')).toBe('한국어텍스트');
    expect(normalizeText('あいう\nカタカナ')).toBe('あいうカタカナ');
    // Full-width punctuation becomes ASCII under NFKC; a break after it between CJK text still goes.
    expect(normalizeText('目标，\n有利于')).toBe('目标,有利于');
  });

  it('keeps a break next to Latin text and a paragraph break between CJK paragraphs', () => {
    expect(normalizeText('Debian\n软件包')).toBe('Debian\n软件包');
    expect(normalizeText('第一段。\n\n第二段。')).toBe('第一段。\n\n第二段。');
  });

  it('joins Latin words hyphenated at the line end', () => {
    expect(normalizeText('docu-\nment')).toBe('document');
    expect(normalizeText('docu- \n  ment')).toBe('document');
    expect(normalizeText('Jean-\nPaul')).toBe('Jean-\nPaul'); // next line starts upper-case: a real hyphen
    expect(normalizeText('list -\nitem')).toBe('list -\nitem');
  });

  it('collapses runs of spaces, trims lines, and collapses blank lines', () => {
    expect(normalizeText('  a   b  \r\n\r\n\r\n\r\n  c\u3000\u3000d  \n\n')).toBe('a b\n\nc d');
  });

  it('is idempotent', () => {
    const s = '  检\n 知  ＡＢ docu-\nment \u0000\n\n\n x ';
    expect(normalizeText(normalizeText(s))).toBe(normalizeText(s));
  });
});
