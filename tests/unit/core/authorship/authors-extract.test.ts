import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFile } from '../../../../main/core/documents/extract';
import { frontMatterAuthors, splitAuthors } from '../../../../main/core/documents/extract/authors';
import { fixture, tempDir } from '../../helpers';
import { writeDocx, writeXlsx } from './make-office';

describe('splitAuthors', () => {
  it('splits on ; , 、 and their full-width forms, keeps the names as recorded', () => {
    expect(splitAuthors('王建国；李 凌、Li Ming, Zhang Wei;Chen')).toEqual([
      '王建国',
      '李 凌',
      'Li Ming',
      'Zhang Wei',
      'Chen',
    ]);
  });
  it('keeps "Family, Given" (one comma, one Latin word each side) as one name', () => {
    expect(splitAuthors('Kinski, Andreas')).toEqual(['Kinski, Andreas']);
    // Two words on a side, or a third part: separate people.
    expect(splitAuthors('Sean Hayes, Ann Lee')).toEqual(['Sean Hayes', 'Ann Lee']);
    expect(splitAuthors('Kinski, Andreas, Mo')).toEqual(['Kinski', 'Andreas', 'Mo']);
  });
  it('drops e-mail addresses, standalone degrees and duplicates; splits Han names two spaces apart', () => {
    expect(splitAuthors('Daan Sprenkels <dsprenkels@gmail.com>')).toEqual(['Daan Sprenkels']);
    expect(splitAuthors('Sean Hayes, M.D.')).toEqual(['Sean Hayes']);
    expect(splitAuthors('ann@example.org')).toEqual([]);
    expect(splitAuthors('张林波  孙文昌')).toEqual(['张林波', '孙文昌']);
    expect(splitAuthors('Li  Ming')).toEqual(['Li Ming']);
    expect(splitAuthors('Li Ming; li ming')).toEqual(['Li Ming']);
    expect(splitAuthors('  ')).toEqual([]);
  });
});

describe('placeholder authors', () => {
  it('drops the names tools write when nobody set one, keeping the real ones beside them', () => {
    expect(splitAuthors('ME')).toEqual([]);
    expect(splitAuthors('Administrator; 王建国')).toEqual(['王建国']);
    expect(splitAuthors('Microsoft Office User')).toEqual([]);
    expect(splitAuthors('用户、李 凌')).toEqual(['李 凌']);
    // A real name that merely contains a placeholder word stays.
    expect(splitAuthors('Mei Lin')).toEqual(['Mei Lin']);
  });
});

describe('frontMatterAuthors (the syntax the sample documents use)', () => {
  it('reads a scalar, a quoted scalar, a flow list and a block list', () => {
    expect(frontMatterAuthors('---\ntitle: SOP\nauthor: 王建国\n---\n# SOP')).toEqual(['王建国']);
    expect(frontMatterAuthors('---\nauthor: "Li Ming" # the lead\n---\n')).toEqual(['Li Ming']);
    expect(frontMatterAuthors("---\nauthors: [王建国, 'O''Brien, Pat', \"Li Ming\"]\n---\n")).toEqual([
      '王建国',
      "O'Brien, Pat",
      'Li Ming',
    ]);
    expect(frontMatterAuthors('---\nauthors:\n  - 陈师傅\n\n  - Li Ming\ntags: [a]\n---\n')).toEqual([
      '陈师傅',
      'Li Ming',
    ]);
    expect(frontMatterAuthors('---\nAuthor: 王建国、李 凌\n...\n')).toEqual(['王建国', '李 凌']);
  });
  it('reads nothing without front matter, unclosed front matter, or another key', () => {
    expect(frontMatterAuthors('# SOP\nauthor: 王建国\n')).toEqual([]);
    expect(frontMatterAuthors('---\nauthor: 王建国\n# never closed')).toEqual([]);
    expect(frontMatterAuthors('---\ncoauthor: 王建国\nowner: 李凌\n---\n')).toEqual([]);
  });
});

describe('authors extracted from real files', () => {
  const authorsOf = async (file: string) => (await extractFile(file)).authors;

  it('PDF: the Info Author and the XMP dc:creator sequence, merged', async () => {
    // pdfinfo: Author "author1"; the XMP packet's dc:creator is an rdf:Seq of author1 … author5.
    expect(await authorsOf(fixture('authors/js-authors.pdf'))).toEqual([
      'author1',
      'author2',
      'author3',
      'author4',
      'author5',
    ]);
    expect(await authorsOf(fixture('authors/issue14165.pdf'))).toEqual(['Kinski, Andreas']);
    expect(await authorsOf(fixture('authors/issue6006.pdf'))).toEqual(['Daan Sprenkels']);
    // A Chinese Info Author with two names two spaces apart; the text is extracted as before.
    const cjk = await extractFile(fixture('authors/CJKpunct.pdf'));
    expect(cjk.status).toBe('indexed');
    expect(cjk.authors).toEqual(['张林波', '孙文昌']);
    expect(await authorsOf(fixture('documents/textract/raw_text.pdf'))).toEqual(['Dean Malmgren']);
    // No Author at all (pdfinfo prints an empty Author line): no `authors`.
    expect(await authorsOf(fixture('documents/pdfjs/vertical.pdf'))).toBeUndefined();
  });

  it('Office: OOXML dc:creator (not lastModifiedBy) and ODF initial-creator / creator', async () => {
    expect(await authorsOf(fixture('documents/textract/raw_text.docx'))).toEqual(['Dean Malmgren']);
    expect(await authorsOf(fixture('documents/mammoth/footnotes.docx'))).toEqual(['Michael Williamson']);
    expect(await authorsOf(fixture('documents/textract/raw_text.xlsx'))).toEqual(['John Walkenbach']);
    expect(await authorsOf(fixture('documents/textract/raw_text.pptx'))).toEqual(['Dean Malmgren']);
    // meta.xml has `<dc:creator>evan </dc:creator>`: trimmed.
    expect(await authorsOf(fixture('documents/textract/raw_text.odt'))).toEqual(['evan']);
    // meta:initial-creator and dc:creator are both John Walkenbach: once.
    expect(await authorsOf(fixture('documents/textract/raw_text.ods'))).toEqual(['John Walkenbach']);
    // The pandoc-made DOCX has an empty dc:creator.
    expect(await authorsOf(fixture('documents/derived-zh/maint-guide.first.zh-cn.docx'))).toBeUndefined();
  });

  it('our own DOCX (fflate) and XLSX (exceljs) with Chinese creators', async () => {
    const dir = tempDir();
    const docx = path.join(dir, '排料.docx');
    writeDocx(docx, '排料工艺要点', '陈 师傅；Wang Jianguo & Co', 'Not An Author');
    const d = await extractFile(docx);
    expect(d.status).toBe('indexed');
    expect(d.pages[0]!.text).toContain('排料工艺要点');
    expect(d.authors).toEqual(['陈 师傅', 'Wang Jianguo & Co']);
    const xlsx = path.join(dir, 'grading.xlsx');
    await writeXlsx(xlsx, '李凌', '放码规则');
    const x = await extractFile(xlsx);
    expect(x.status).toBe('indexed');
    expect(x.authors).toEqual(['李凌']);
  });

  it('Markdown front matter, and none for a file without it', async () => {
    const dir = tempDir();
    const md = path.join(dir, 'sop.md');
    fs.writeFileSync(
      md,
      '---\ntitle: 裁剪 SOP\nauthors:\n  - 陈师傅\n  - "Li Ming"\n---\n# 裁剪\n铺布、划样、裁剪。\n',
    );
    const r = await extractFile(md);
    expect(r.authors).toEqual(['陈师傅', 'Li Ming']);
    // The front matter is metadata: it joins the first heading's page rather than making a page of its own.
    expect(r.pages.map((p) => p.label ?? null)).toEqual(['裁剪']);
    expect(await authorsOf(fixture('documents/derived-zh/maint-guide.first.zh-cn.md'))).toBeUndefined();
  });

  const maintGuide = path.resolve(
    __dirname,
    '../../../../../shared/corpus/pdf/debian-zh/maint-guide.zh-cn.pdf',
  );
  it.skipIf(!fs.existsSync(maintGuide))(
    "the corpus's Chinese manual: 、-separated names, bracketed alias kept",
    async () => {
      // pdfinfo: "Josip Rodin、Osamu Aoki（青木修）、Aron Xu、李 凌、郑 原真、周 默和杨 博远". The last part joins two
      // names with 和 ("and"), which is also a character of names: left as one.
      expect(await authorsOf(maintGuide)).toEqual([
        'Josip Rodin',
        'Osamu Aoki（青木修）',
        'Aron Xu',
        '李 凌',
        '郑 原真',
        '周 默和杨 博远',
      ]);
    },
  );
});
