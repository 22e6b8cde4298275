import { describe, expect, it } from 'vitest';
import {
  findMatches,
  parseQuery,
  blankSeparators,
  type QueryTerm,
} from '../../../../main/core/search/query-terms';
import { tokenize } from '../../../../main/core/search/tokenize';

function term(q: string): QueryTerm {
  const terms = parseQuery(`"${q}"`);
  expect(terms).toHaveLength(1);
  return terms[0]!;
}

/** Matched substrings of `text` for query term `q`. */
function matches(q: string, text: string): string[] {
  const nf = text.normalize('NFKC');
  const m = findMatches(term(q), nf);
  const out: string[] = [];
  for (let i = 0; i < m.length; i += 2) out.push(nf.slice(m[i], m[i + 1]));
  return out;
}

describe('parseQuery', () => {
  it('splits on whitespace, keeps quoted phrases, folds and dedupes', () => {
    expect(parseQuery('  知识管理   C++ "make  install" ＣＰＰ c++ ').map((t) => t.text)).toEqual([
      '知识管理',
      'c++',
      'make install',
      'cpp',
    ]);
    expect(parseQuery('“文件 系统” x').map((t) => t.text)).toEqual(['文件 系统', 'x']);
    expect(parseQuery('"unclosed phrase').map((t) => t.text)).toEqual(['unclosed phrase']);
  });

  it('separates terms at punctuation outside quotes, full-width and ASCII, as a space would', () => {
    const texts = (q: string) => parseQuery(q).map((t) => t.text);
    expect(texts('软件，开发')).toEqual(['软件', '开发']);
    expect(texts('软件。')).toEqual(['软件']);
    expect(texts('打包、上传；签名！')).toEqual(['打包', '上传', '签名']);
    expect(texts('（补丁）《手册》【注意】')).toEqual(['补丁', '手册', '注意']);
    expect(texts('debian/rules，文件')).toEqual(['debian/rules', '文件']);
    expect(texts('软件：开发 版本:1.0 软件.开发 Debian. 软件…')).toEqual([
      '软件',
      '开发',
      '版本',
      '1.0',
      'debian',
    ]);
    expect(texts("'上游' 维护者·指南")).toEqual(['上游', '维护者', '指南']);
    // Quotes of every kind keep a phrase, punctuation inside it as typed.
    expect(texts('“上游”')).toEqual(['上游']);
    expect(texts('「上游 源代码」『Debian 软件包』＂3.0 (quilt)＂')).toEqual([
      '上游 源代码',
      'debian 软件包',
      '3.0 (quilt)',
    ]);
    expect(texts('“软件，开发”')).toEqual(['软件,开发']);
  });

  it('keeps the symbols that belong to a term', () => {
    const kept = [
      'debian/rules',
      './configure',
      '~/.bashrc',
      '.net',
      'c++',
      'c#',
      'x86_64',
      'e-mail',
      'node.js',
      '3.0.1-2',
      '1,000',
      "xi'an",
      'don’t',
      'std::vector',
      'http://debian.org/',
      'user@example.org',
    ];
    for (const t of kept)
      expect(
        parseQuery(t).map((x) => x.text),
        t,
      ).toEqual([t]);
    expect(parseQuery('c++，.net、c#。').map((x) => x.text)).toEqual(['c++', '.net', 'c#']);
  });

  it('blankSeparators puts spaces of the same length in place of the separators, keeping every offset', () => {
    expect(blankSeparators('打包、上传（补丁）')).toBe('打包 上传 补丁 ');
    expect(blankSeparators('『上游，源代码』，Debian…')).toBe('「上游，源代码」 Debian ');
    expect(blankSeparators('debian/rules. c++，.net')).toBe('debian/rules  c++ .net');
    expect(blankSeparators('﹁上游。﹂＂补丁＂')).toBe('「上游。」"补丁"');
    for (const q of ['软件，开发', '“上游”（补丁）', 'lintian：警告', '维护者；邮件列表！']) {
      expect(blankSeparators(q)).toHaveLength(q.length);
      expect(parseQuery(blankSeparators(q)).map((t) => t.text)).toEqual(parseQuery(q).map((t) => t.text));
    }
  });

  it('drops terms without letters or digits', () => {
    expect(parseQuery('- ++ . / 。').map((t) => t.text)).toEqual([]);
    expect(parseQuery('')).toEqual([]);
  });

  it('marks one-token terms as exact (decided by the index alone)', () => {
    const exact = Object.fromEntries(
      parseQuery('软件 type c++ .net 知识管理 node.js 包 c+').map((t) => [t.text, t.exact]),
    );
    expect(exact).toEqual({
      软件: true,
      type: true,
      'c++': true,
      '.net': true,
      知识管理: false,
      'node.js': false,
      包: false,
      'c+': false,
    });
  });
});

describe('findMatches: CJK terms are plain substrings', () => {
  it('finds a phrase, not its bigrams apart', () => {
    expect(matches('知识管理', '企业知识管理体系')).toEqual(['知识管理']);
    expect(matches('知识管理', '知识很重要，管理也是')).toEqual([]);
    expect(matches('管理', '知识管理，管理')).toEqual(['管理', '管理']);
    expect(matches('包', '软件包')).toEqual(['包']);
  });

  it('ignores case and width through NFKC', () => {
    expect(matches('cpp', 'ＣＰＰ 语言')).toEqual(['ＣＰＰ'.normalize('NFKC')]);
    expect(matches('一个', '⼀个')).toEqual(['一个']);
  });
});

describe('findMatches: Latin terms match whole words', () => {
  it.each([
    ['net', 'the network is down', []],
    ['net', 'use .NET here', []], // the marker dot binds to the word
    ['net', 'see sourceforge.net', ['net']], // a joining dot does not
    ['.net', 'see sourceforge.net', []],
    ['.net', 'use .NET here', ['.NET']],
    ['c', 'C++ and C# are not C', ['C']],
    ['c++', 'C/C++ compilers', ['C++']],
    ['c++', 'C+++ is odd', ['C++']],
    ['c', 'c++x', ['c']], // "++" followed by a letter is no marker
    ['c+', 'C++', []],
    ['c+', 'c+d', ['c+']],
    ['node', 'node.js and nodes', ['node']],
    ['node.js', 'foo-node.js!', ['node.js']],
    ['mail', 'e-mail', ['mail']],
    ['buildpackage', 'dpkg-buildpackage -us', ['buildpackage']],
    ['dpkg', 'dpkg-buildpackage and dpkg', ['dpkg', 'dpkg']],
    ['x86', 'x86_64', ['x86']],
    ['3.14', 'pi is 3.14159 or 3.14', ['3.14']],
    ['debian/rules', 'edit debian/rules now', ['debian/rules']],
    ['debian', 'Debian软件包', ['Debian']], // CJK next to a Latin word is a boundary
    ['the', 'other them the', ['the']],
  ])('%s in %j', (q, text, expected) => {
    expect(matches(q, text)).toEqual(expected);
  });

  it('lets phrase whitespace match any whitespace run', () => {
    expect(matches('make install', 'run make\n  install now')).toEqual(['make\n  install']);
    expect(matches('make install', 'make installdirs')).toEqual([]);
  });

  it('allows optional whitespace between Latin and CJK inside a term', () => {
    expect(matches('c++编译', '用 C++ 编译器')).toEqual(['C++ 编译']);
    expect(matches('c++编译', '用C++编译器')).toEqual(['C++编译']);
    expect(matches('debian软件包', 'Debian 软件包')).toEqual(['Debian 软件包']);
    expect(matches('debian 软件包', 'Debian软件包')).toEqual(['Debian软件包']);
    expect(matches('知识 管理', '知识管理')).toEqual([]); // between two CJK characters a space stays required
  });

  it('stops at max matches', () => {
    expect(findMatches(term('a'), 'a a a a a', 2)).toEqual([0, 1, 2, 3]);
  });

  it('does not loop on a failed match that starts with a surrogate pair', () => {
    expect(matches('𠀀e', '+𠀀e1')).toEqual([]);
  });
});

/** Deterministic pseudo-random generator (LCG), so failures reproduce. */
function lcg(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
}

describe('the index never loses a match (property test)', () => {
  const alphabet = [
    'c',
    'n',
    'E',
    't',
    '.',
    '+',
    '#',
    '-',
    '_',
    ' ',
    '知',
    '识',
    '1',
    '/',
    '𠀀',
    'é',
    'Ｃ',
    '＋',
    '\n',
    'ー',
    'タ',
    'a',
    "'",
    '@',
    '한',
  ];
  const rnd = lcg(42);
  const randomString = (max: number) =>
    Array.from(
      { length: 1 + Math.floor(rnd() * max) },
      () => alphabet[Math.floor(rnd() * alphabet.length)],
    ).join('');
  const cases = Array.from({ length: 40_000 }, () => {
    const text = randomString(14);
    let q: string;
    if (rnd() < 0.6) {
      const a = Math.floor(rnd() * text.length);
      q = text.slice(a, a + 1 + Math.floor(rnd() * (text.length - a)));
    } else q = randomString(5);
    return { text, q };
  });

  it('a matching text holds every lookup token of the term; a one-token term matches exactly when its token is there', () => {
    let checked = 0;
    for (const { text, q } of cases) {
      const t = parseQuery(`"${q}"`)[0];
      if (!t) continue;
      const tokens = new Set(tokenize(text));
      const matched = findMatches(t, text.normalize('NFKC')).length > 0;
      if (matched) {
        checked++;
        for (const token of t.tokens)
          expect(tokens, `${JSON.stringify(q)} in ${JSON.stringify(text)}`).toContain(token);
        for (const ch of t.singles) expect([...tokens].some((k) => k.includes(ch))).toBe(true);
      }
      if (t.exact)
        expect(matched, `${JSON.stringify(q)} in ${JSON.stringify(text)}`).toBe(tokens.has(t.tokens[0]!));
    }
    expect(checked).toBeGreaterThan(10_000);
  });
});
