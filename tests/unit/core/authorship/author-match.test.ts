import { describe, expect, it } from 'vitest';
import { AuthorMatcher, nameKeys } from '../../../../main/core/experts/author-match';

describe('nameKeys', () => {
  it('folds case and width, removes the spaces inside Han names, reads both orders of Latin names', () => {
    expect(nameKeys('  Jianguo   WANG ')).toEqual(['jianguo wang', 'wang jianguo']);
    expect(nameKeys('李 凌')).toEqual(['李凌']);
    // Full-width Latin letters fold to ASCII (NFKC).
    expect(nameKeys('Ｌｉ Ｍｉｎｇ')).toEqual(['li ming', 'ming li']);
    expect(nameKeys('Kinski, Andreas')).toEqual(['andreas kinski', 'kinski andreas']);
    expect(nameKeys('Tim van der Meij')).toEqual([
      'tim van der meij',
      'meij tim van der',
      'van der meij tim',
    ]);
    expect(nameKeys('Osamu Aoki（青木修）')).toEqual(['osamu aoki', 'aoki osamu', '青木修']);
    expect(nameKeys('Chen')).toEqual(['chen']);
    expect(nameKeys(' ')).toEqual([]);
  });
});

describe('AuthorMatcher', () => {
  const matcher = new AuthorMatcher([
    { id: 'chen', names: ['陈建国', 'Chen Jianguo', 'Master Chen'] },
    { id: 'li', names: ['李凌', 'Ling Li'] },
    { id: 'andreas', names: ['Andreas Kinski'] },
    { id: 'wangwei1', names: ['王伟'] },
    { id: 'wangwei2', names: ['王伟', 'Wang Wei (QA)'] },
    { id: 'wangweimin', names: ['王伟民'] },
  ]);

  it('matches by label and by alias, naming the name that matched', () => {
    expect(matcher.match('陈建国')).toEqual({ id: 'chen', matched: '陈建国' });
    expect(matcher.match('master chen')).toEqual({ id: 'chen', matched: 'Master Chen' });
  });

  it('matches the other name order and a Han name written with a space', () => {
    expect(matcher.match('Jianguo Chen')).toEqual({ id: 'chen', matched: 'Chen Jianguo' });
    expect(matcher.match('Li Ling')).toEqual({ id: 'li', matched: 'Ling Li' });
    expect(matcher.match('李 凌')).toEqual({ id: 'li', matched: '李凌' });
    expect(matcher.match('Kinski, Andreas')).toEqual({ id: 'andreas', matched: 'Andreas Kinski' });
  });

  it('does not match a different person: a longer or shorter name, one letter off, a given name alone', () => {
    expect(matcher.match('王伟民')).toEqual({ id: 'wangweimin', matched: '王伟民' });
    expect(matcher.match('王')).toBeNull();
    expect(matcher.match('Andrea Kinski')).toBeNull();
    expect(matcher.match('Andreas')).toBeNull();
    expect(matcher.match('Chen Jianguo Jr')).toBeNull();
    expect(matcher.match('李凌云')).toBeNull();
  });

  it('proposes nobody for a name two experts share', () => {
    expect(matcher.match('王伟')).toBeNull();
    // The bracketed note is dropped: "Wang Wei" reaches only the second 王伟, and "QA" nobody.
    expect(matcher.match('Wei Wang')).toEqual({ id: 'wangwei2', matched: 'Wang Wei (QA)' });
    expect(matcher.match('QA')).toBeNull();
  });
});
