import { describe, expect, it } from 'vitest';
import { inOrder, isStraight } from '../../../../../renderer/src/features/processes/engine/pipeline-layout';

const s = (id: string, order: number, next: string[] = []) => ({ id, order, next });

describe('isStraight', () => {
  it('is true for no step, one step and one chain whatever the orders', () => {
    expect(isStraight([])).toBe(true);
    expect(isStraight([s('a', 1)])).toBe(true);
    expect(isStraight([s('a', 1, ['b']), s('b', 2, ['c']), s('c', 3)])).toBe(true);
    expect(isStraight([s('c', 1), s('a', 2, ['b']), s('b', 3, ['c'])])).toBe(true);
  });

  it('is false for a branch, a join, a ring, two chains or steps not connected', () => {
    expect(isStraight([s('a', 1, ['b', 'c']), s('b', 2), s('c', 3)])).toBe(false);
    expect(isStraight([s('a', 1, ['c']), s('b', 2, ['c']), s('c', 3)])).toBe(false);
    expect(isStraight([s('a', 1, ['b']), s('b', 2, ['a'])])).toBe(false);
    expect(isStraight([s('a', 1, ['b']), s('b', 2), s('c', 3, ['d']), s('d', 4)])).toBe(false);
    expect(isStraight([s('a', 1), s('b', 2)])).toBe(false);
    // A chain plus a ring beside it: one start, but the walk does not reach every step.
    expect(isStraight([s('a', 1, ['b']), s('b', 2), s('c', 3, ['d']), s('d', 4, ['c'])])).toBe(false);
  });

  it('ignores successors outside the process and repeated edges', () => {
    expect(isStraight([s('a', 1, ['b', 'b', 'x']), s('b', 2)])).toBe(true);
  });
});

describe('inOrder', () => {
  it('sorts by order, ties by id', () => {
    expect(inOrder([s('b', 2), s('c', 1), s('a', 2)]).map((x) => x.id)).toEqual(['c', 'a', 'b']);
  });
});
