import { describe, expect, it } from 'vitest';
import { topBuckets } from '../../../../../renderer/src/features/inventory/top-buckets';
import { horizontalChartHeight } from '../../../../../renderer/src/features/inventory/chart-layout';

interface B {
  key: string | null;
  value: number;
}
const b = (key: string | null, value: number): B => ({ key, value });
const sum = (rest: B[]): B => ({ key: 'others', value: rest.reduce((s, x) => s + x.value, 0) });
const unowned = (x: B) => x.key === null;

describe('the owners chart: top buckets, then the others summed', () => {
  it('folds everything after the top two into one bucket, keeping the unowned bucket last', () => {
    // a5 b4 | c3 d2 e1 → others = 3 + 2 + 1 = 6; the unowned 7 stays last, never folded.
    const data = [b('a', 5), b('b', 4), b('c', 3), b(null, 7), b('d', 2), b('e', 1)];
    expect(topBuckets(data, 2, sum, unowned)).toEqual([b('a', 5), b('b', 4), b('others', 6), b(null, 7)]);
  });

  it('does not fold a single bucket: top + 1 buckets are drawn as they are', () => {
    const data = [b('a', 5), b('b', 4), b('c', 3)];
    expect(topBuckets(data, 2, sum)).toEqual(data);
    expect(topBuckets(data, 1, sum)).toEqual([b('a', 5), b('others', 7)]);
  });

  it('leaves an empty list empty', () => {
    expect(topBuckets([], 10, sum, unowned)).toEqual([]);
  });
});

describe('bar chart height', () => {
  it('is the grid margins plus 26 px a row, at least 120 px', () => {
    // 6 + 24 + 9 × 26 = 264; one row: 6 + 24 + 26 = 56 → 120.
    expect(horizontalChartHeight(9)).toBe(264);
    expect(horizontalChartHeight(1)).toBe(120);
  });
});
