import { describe, expect, it } from 'vitest';
import {
  MAX_PROPOSALS,
  findEvidence,
  searchableNames,
  type EvidenceExclusions,
} from '../../../../main/core/evidence/evidence-finder';
import { SearchIndex } from '../../../../main/core/search/search-index';

const NONE: EvidenceExclusions = { linked: () => false, rejected: () => false };
const FILLER = 'The weekly meeting covered staffing, the canteen menu and the parking rules.';

/** An index of one chunk per document: `texts[i]` is document i + 1, page 1. */
function indexOf(texts: readonly string[]): SearchIndex {
  const index = new SearchIndex();
  texts.forEach((text, i) => index.addChunk({ chunkId: i + 1, docId: i + 1, page: 1, text }));
  return index;
}

const item = (label: string, aliases: string[] = []) => ({ id: 'k', label, aliases });
const docs = (found: ReturnType<typeof findEvidence>) => found.map((f) => f.docId);

describe('findEvidence', () => {
  it('prefers the label over an alias of the same length, other things equal', () => {
    const index = indexOf([
      `${FILLER}\n${FILLER}\n${FILLER}\n${FILLER}\nSee the kiln log here.`,
      `${FILLER}\n${FILLER}\n${FILLER}\n${FILLER}\nSee the oven log here.`,
    ]);
    expect(docs(findEvidence(item('oven log', ['kiln log']), index, NONE))).toEqual([2, 1]);
    expect(docs(findEvidence(item('kiln log', ['oven log']), index, NONE))).toEqual([1, 2]);
  });

  it('prefers the name in the opening lines, and several occurrences', () => {
    const late = `${FILLER}\n${FILLER}\n${FILLER}\n${FILLER}\nThe glaze recipe is kept in the lab.`;
    const opening = `Glaze recipe\n${FILLER}\n${FILLER}\n${FILLER}\n${FILLER}`;
    const twice = `${FILLER}\n${FILLER}\n${FILLER}\n${FILLER}\nGlaze recipe one. The glaze recipe again.`;
    expect(docs(findEvidence(item('glaze recipe'), indexOf([late, opening]), NONE))).toEqual([2, 1]);
    expect(docs(findEvidence(item('glaze recipe'), indexOf([late, twice]), NONE))).toEqual([2, 1]);
  });

  it('matches whole words and CJK phrases only, after NFKC and case folding', () => {
    const index = indexOf([
      'Use ＣＵＴＴＩＮＧ ＳＯＰ here.', // full-width: NFKC makes it CUTTING SOP
      'the cuttings opera', // no whole word
      '客户 拜访 分开写', // the bigrams apart
      '客户拜访记录',
    ]);
    expect(docs(findEvidence(item('Cutting SOP'), index, NONE))).toEqual([1]);
    expect(docs(findEvidence(item('客户拜访'), index, NONE))).toEqual([4]);
    const [hit] = findEvidence(item('Cutting SOP'), index, NONE);
    const [a, b] = hit!.snippet.highlights[0]!;
    expect(hit!.snippet.text.slice(a, b)).toBe('CUTTING SOP');
  });

  it('skips linked documents and rejected pages before ranking, and keeps at most five', () => {
    const texts = Array.from({ length: 8 }, (_, i) => `Pattern grading notes ${i}. ${'x '.repeat(i * 5)}`);
    const index = indexOf(texts);
    const all = findEvidence(item('pattern grading'), index, NONE);
    expect(all).toHaveLength(MAX_PROPOSALS);
    expect(all.map((f) => f.rank)).toEqual([0, 1, 2, 3, 4]);
    const best = all[0]!.docId;
    const without = findEvidence(item('pattern grading'), index, {
      linked: (_id, docId) => docId === best,
      rejected: (_id, docId) => docId === all[1]!.docId,
    });
    expect(docs(without)).not.toContain(best);
    expect(docs(without)).not.toContain(all[1]!.docId);
    expect(without).toHaveLength(MAX_PROPOSALS);
  });

  it('does not search names that are too short or generic', () => {
    expect(searchableNames(item('A', ['知', '2024', '12.5', 'QC', '质检'])).map((n) => n.raw)).toEqual([
      'QC',
      '质检',
    ]);
    expect(
      searchableNames(item('Cutting SOP', ['cutting  sop', 'ＣＵＴＴＩＮＧ SOP'])).map((n) => n.raw),
    ).toEqual(['Cutting SOP']);
  });

  it('finds a name of one letter and marks, such as C++, as a whole word', () => {
    expect(searchableNames(item('C++', ['C#', 'C'])).map((n) => n.raw)).toEqual(['C++', 'C#']);
    const index = indexOf([`${FILLER}\n用 C++ 编写的排料程序`, `${FILLER}\nThe C compiler`, FILLER]);
    expect(docs(findEvidence(item('C++'), index, NONE))).toEqual([1]);
  });
});
