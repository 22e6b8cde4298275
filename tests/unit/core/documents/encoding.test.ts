import fs from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText, ExtractError } from '../../../../main/core/documents/extract';
import { fixture } from '../../helpers';

const zh =
  '知识管理系统：团队知识库的建设与维护。我们需要把文档、表格和演示文稿都放进同一个索引里，方便检索。';

describe('decodeText', () => {
  it('decodes GB18030 to the same characters as the UTF-8 twin (Debian package descriptions)', () => {
    const gb = decodeText(
      fs.readFileSync(fixture('documents/debian/debian_team_packages_zh.head.gb18030.csv')),
      'gb.csv',
    );
    const utf8 = decodeText(
      fs.readFileSync(fixture('documents/debian/debian_team_packages_zh.head.csv')),
      'u.csv',
    );
    expect(gb.encoding).toBe('GB18030');
    expect(utf8.encoding).toBe('UTF-8');
    expect(gb.text).toBe(utf8.text);
  });

  it('follows a byte order mark', () => {
    expect(decodeText(Buffer.from([0xef, 0xbb, 0xbf, 0x41]), 'a.txt')).toEqual({
      text: 'A',
      encoding: 'UTF-8',
    });
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode('知识', 'utf-16be')]);
    expect(decodeText(be, 'a.txt')).toEqual({ text: '知识', encoding: 'UTF-16BE' });
  });

  it('recognises UTF-16LE without a BOM', () => {
    const r = decodeText(
      iconv.encode('Plain ASCII text saved as UTF-16.\r\nSecond line.', 'utf-16le'),
      'a.txt',
    );
    expect(r.encoding).toBe('UTF-16LE');
    expect(r.text).toBe('Plain ASCII text saved as UTF-16.\r\nSecond line.');
  });

  it('guesses legacy CJK encodings', () => {
    expect(decodeText(iconv.encode(zh.repeat(3), 'gbk'), 'a.txt')).toEqual({
      text: zh.repeat(3),
      encoding: 'GB18030',
    });
    const big5 =
      '知識管理系統：團隊知識庫的建設與維護。我們需要把文件、表格和簡報都放進同一個索引裡，方便檢索。';
    expect(decodeText(iconv.encode(big5.repeat(3), 'big5'), 'a.txt')).toEqual({
      text: big5.repeat(3),
      encoding: 'Big5',
    });
    const ja =
      '日本語のテキストです。文字コードはシフトJISで保存されています。検索のために正しく読めることを確認します。';
    expect(decodeText(iconv.encode(ja.repeat(3), 'shift_jis'), 'a.txt')).toEqual({
      text: ja.repeat(3),
      encoding: 'Shift_JIS',
    });
  });

  it('reads Latin-1 text as windows-1252', () => {
    const text = 'Café, naïve façade — “quoted” and 50 € for the smörgåsbord in Zürich.';
    expect(decodeText(iconv.encode(text, 'windows-1252'), 'a.txt')).toEqual({
      text,
      encoding: 'windows-1252',
    });
  });

  it('does not take 16-bit binary data for UTF-16', () => {
    const samples = Buffer.alloc(4000);
    // Values 1..30: every high byte is NUL and no low byte is, which is what UTF-16LE Latin text looks like.
    for (let i = 0; i < 2000; i++) samples.writeUInt16LE(1 + ((i * 37) % 30), i * 2);
    expect(() => decodeText(samples, 'audio.txt')).toThrow('audio.txt: binary file, not text');
  });

  it('throws an ExtractError naming the file for binary content', () => {
    const binary = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00, 0x41, 0x42]);
    expect(() => decodeText(binary, 'data.txt')).toThrow(ExtractError);
    expect(() => decodeText(binary, 'data.txt')).toThrow('data.txt: binary file, not text');
  });
});
