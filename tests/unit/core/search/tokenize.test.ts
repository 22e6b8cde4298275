import { describe, expect, it } from 'vitest';
import { normalizeForSearch, queryTokens, tokenize } from '../../../../main/core/search/tokenize';

describe('normalizeForSearch', () => {
  it.each([
    ['ＣＰＰ Ｃ＋＋', 'cpp c++'], // full-width letters and symbols
    ['⼀个', '一个'], // Kangxi radical U+2F00
    ['ﬁle', 'file'], // ligature
    ['Ｄｅｂｉａｎ　软件包', 'debian 软件包'], // ideographic space → space
    ['ＡＢＣ１２３', 'abc123'],
    ['', ''],
  ])('%s → %s', (input, expected) => {
    expect(normalizeForSearch(input)).toBe(expected);
  });
});

describe('tokenize: CJK runs as overlapping bigrams', () => {
  it.each([
    ['知识管理', ['知识', '识管', '管理']],
    ['软件包', ['软件', '件包']],
    ['包', ['包']], // a run of one character is itself
    ['维护者', ['维护', '护者']],
    ['知识，管理', ['知识', '管理']], // CJK punctuation splits runs
    ['知识 管理', ['知识', '管理']],
    ['知识\n管理', ['知识', '管理']], // a line break splits too (extraction joins CJK lines)
    ['⼀个', ['一个']], // Kangxi radical folded by NFKC first
    ['東京タワー', ['東京', '京タ', 'タワ', 'ワー']], // kanji + katakana + prolonged sound mark form one run
    ['ひらがな', ['ひら', 'らが', 'がな']],
    ['한국어', ['한국', '국어']],
    ['ｶﾀｶﾅ', ['カタ', 'タカ', 'カナ']], // half-width katakana → full-width by NFKC
    ['𠀀𠀁𠀂', ['𠀀𠀁', '𠀁𠀂']], // Extension B: code points, not UTF-16 units
    ['々', ['々']],
  ])('%s', (input, expected) => {
    expect(tokenize(input)).toEqual(expected);
  });
});

describe('tokenize: Latin words with the symbols that matter', () => {
  it.each([
    ['C++ 编译', ['c++', '编译']],
    ['C# F# .NET', ['c#', 'f#', '.net']],
    ['Ｃ＋＋', ['c++']],
    ['ＣＰＰ', ['cpp']],
    ['g++ notepad++', ['g++', 'notepad++']],
    ['node.js', ['node.js', 'node', 'js']],
    ['vue.js', ['vue.js', 'vue', 'js']],
    ['3.14', ['3.14', '3', '14']],
    ['e-mail', ['e-mail', 'e', 'mail']],
    ['x86_64', ['x86_64', 'x86', '64']],
    ['dpkg-buildpackage', ['dpkg-buildpackage', 'dpkg', 'buildpackage']],
    ['debian/rules', ['debian', 'rules']], // a slash separates
    ['.bashrc', ['.bashrc']],
    ['asp.net', ['asp.net', 'asp', 'net']], // a dot after a word joins, it is no marker
    ['.net-core', ['.net-core', '.net', 'core']], // a marked run is indexed only with its marker
    ['objective-c++', ['objective-c++', 'objective', 'c++']],
    ["Debian's", ['debian', 's']],
    ['Hello, World!', ['hello', 'world']],
    ['end. Next', ['end', 'next']],
    ['a..net', ['a', '.net']],
    ['c+++', ['c++']],
    ['c++x', ['c', 'x']], // "++" followed by a letter is no marker
    ['c#x', ['c', 'x']],
    ['joy-mg@debian.org', ['joy-mg', 'joy', 'mg', 'debian.org', 'debian', 'org']],
    ['Café naïve', ['café', 'naïve']],
    ['Ελληνικά Русский', ['ελληνικά', 'русский']],
  ])('%s', (input, expected) => {
    expect(tokenize(input)).toEqual(expected);
  });

  it('mixes scripts without spaces', () => {
    expect(tokenize('用C++编译器')).toEqual(['用', 'c++', '编译', '译器']);
    expect(tokenize('Debian软件包')).toEqual(['debian', '软件', '件包']);
    expect(tokenize('第3.14版')).toEqual(['第', '3.14', '3', '14', '版']);
  });

  it('keeps duplicates in text order and drops nothing but separators', () => {
    expect(tokenize('the cat, the hat')).toEqual(['the', 'cat', 'the', 'hat']);
    expect(tokenize('  ,.;!?  ')).toEqual([]);
    expect(tokenize('')).toEqual([]);
  });

  it('drops tokens longer than 64 code units', () => {
    const long = 'a'.repeat(65);
    expect(tokenize(`x ${long} y`)).toEqual(['x', 'y']);
    expect(tokenize(`${long}-b`)).toEqual(['b']);
  });
});

describe('queryTokens (lookup tokens of a query term)', () => {
  it.each([
    ['知识管理', ['知识', '识管', '管理'], []],
    ['node.js', ['node', 'js'], []], // the whole compound is not indexed inside foo-node.js
    ['.net-core', ['.net', 'core'], []],
    ['objective-c++', ['objective', 'c++'], []],
    ['c++', ['c++'], []],
    ['包', [], ['包']],
    ['c++编', ['c++'], ['编']],
    ['make install', ['make', 'install'], []],
  ])('%s', (input, tokens, singles) => {
    expect(queryTokens(input)).toEqual({ tokens, singles });
  });
});
