import { describe, expect, it } from 'vitest';
import { buildSnippets, type TermMatch } from '../../../../main/core/search/snippet';

/** Matches of each needle (term index = position in `needles`) in `text`. */
function find(text: string, needles: string[]): TermMatch[] {
  const out: TermMatch[] = [];
  needles.forEach((n, term) => {
    for (let i = text.indexOf(n); i >= 0; i = text.indexOf(n, i + n.length))
      out.push({ term, start: i, end: i + n.length });
  });
  return out;
}

function marked(s: { text: string; highlights: Array<[number, number]> }): string {
  let out = '';
  let at = 0;
  for (const [a, b] of s.highlights) {
    out += `${s.text.slice(at, a)}[${s.text.slice(a, b)}]`;
    at = b;
  }
  return out + s.text.slice(at);
}

describe('buildSnippets', () => {
  it('returns the whole of a short text, highlights in place', () => {
    const text = '知识管理是企业的核心能力。';
    const [s] = buildSnippets(text, find(text, ['知识管理']));
    expect(marked(s!)).toBe('[知识管理]是企业的核心能力。');
    expect(s).toMatchObject({ start: 0, end: text.length });
  });

  it('cuts about `width` characters around the matches of a long text', () => {
    const text = `${'甲'.repeat(300)}知识管理${'乙'.repeat(300)}`;
    const [s] = buildSnippets(text, find(text, ['知识管理']), { width: 120 });
    expect(s!.text.length).toBeLessThanOrEqual(120);
    expect(marked(s!)).toContain('[知识管理]');
    expect(text.slice(s!.start, s!.end)).toBe(s!.text);
  });

  it('prefers the window with the most distinct terms', () => {
    const text = `alpha ${'x '.repeat(100)} alpha beta ${'y '.repeat(100)}`;
    const [s] = buildSnippets(text, find(text, ['alpha', 'beta']), { width: 60, max: 1 });
    expect(marked(s!)).toContain('[alpha] [beta]');
  });

  it('collapses whitespace and maps highlights to the collapsed text', () => {
    const text = 'run   make\n\n  install now';
    const [s] = buildSnippets(text, [
      { term: 0, start: text.indexOf('make'), end: text.indexOf('install') + 7 },
    ]);
    expect(s!.text).toBe('run make install now');
    expect(marked(s!)).toBe('run [make install] now');
  });

  it('makes a second window only for matches outside the first, in text order', () => {
    const text = `知识 ${'。'.repeat(300)} 管理`;
    const out = buildSnippets(text, find(text, ['知识', '管理']), { width: 40, max: 2 });
    expect(out).toHaveLength(2);
    expect(out.map(marked).map((t) => t.match(/\[(.+?)\]/)![1])).toEqual(['知识', '管理']);
    expect(buildSnippets(text, find(text, ['知识']), { max: 2 })).toHaveLength(1);
  });

  it('merges adjacent highlights and never splits a surrogate pair', () => {
    const text = `${'𠀀'.repeat(100)}知识管理`;
    const [s] = buildSnippets(text, [
      { term: 0, start: 200, end: 202 },
      { term: 1, start: 202, end: 204 },
    ]);
    expect(marked(s!)).toMatch(/\[知识管理\]$/);
    expect(s!.text).not.toMatch(/^[\uDC00-\uDFFF]/);
    expect(buildSnippets('abc', [])).toEqual([]);
  });
});
