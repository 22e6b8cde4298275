import { describe, expect, it } from 'vitest';
import { fitLabel } from '../../../../../renderer/src/features/processes/engine/pipeline-layout';

/** A stand-in for the canvas: Han characters 2 units wide, everything else 1. */
const measure = (s: string) => Array.from(s).reduce((w, c) => w + (/\p{Script=Han}/u.test(c) ? 2 : 1), 0);
const opts = { maxWidth: 10, maxLines: 2, measure };

describe('fitLabel', () => {
  it('leaves a label that fits as it is, on one line', () => {
    expect(fitLabel('需求探讨', opts)).toBe('需求探讨');
    expect(fitLabel('  Quote  ', opts)).toBe('Quote');
  });

  it('breaks Chinese between characters and Latin at spaces', () => {
    expect(fitLabel('团体定制销售流程', opts)).toBe('团体定制销\n售流程');
    expect(fitLabel('first contact', opts)).toBe('first\ncontact');
    expect(fitLabel('first contact call', opts)).toBe('first\ncontact…');
    // A word wider than the line breaks inside it.
    expect(fitLabel('abcdefghijklmno', opts)).toBe('abcdefghij\nklmno');
  });

  it('caps a 500-character name at two lines that each fit, the last ending in …', () => {
    const out = fitLabel('接'.repeat(500), opts);
    const lines = out.split('\n');
    expect(lines).toHaveLength(2);
    for (const l of lines) expect(measure(l)).toBeLessThanOrEqual(10);
    expect(lines[1]!.endsWith('…')).toBe(true);
    const words = fitLabel('one two three four five six seven eight', opts).split('\n');
    expect(words).toEqual(['one two', 'three fou…']);
    for (const l of words) expect(measure(l)).toBeLessThanOrEqual(10);
  });

  it('gives one line with … when only one is allowed, and never loops on a narrow box', () => {
    expect(fitLabel('abcdefghijklmnop', { ...opts, maxLines: 1 })).toBe('abcdefghi…');
    expect(fitLabel('接单备料', { ...opts, maxWidth: 1 }).split('\n')).toHaveLength(2);
  });
});
