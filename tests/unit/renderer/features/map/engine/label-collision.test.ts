import { describe, expect, it } from 'vitest';
import { labelBox, placeLabels } from '../../../../../../renderer/src/features/map/engine/label-collision';

const at = (x: number, y: number, text: string, font = 11) => ({ x, y, nodeHeight: 30, text, font });

describe('label collision', () => {
  it('estimates a box under the node from the text: 1 em per CJK character, 0.56 em per other', () => {
    const zh = labelBox(at(0, 0, '拜访记录'));
    expect(zh.x2 - zh.x1).toBeCloseTo(4 * 11 + 2 * 2.2, 5);
    expect(zh.y1).toBeGreaterThan(15 - 3); // below the node (half height 15), less the padding
    const en = labelBox(at(0, 0, 'Visit record'));
    expect(en.x2 - en.x1).toBeCloseTo(12 * 0.56 * 11 + 4.4, 5);
    // Two lines are twice as tall as one; the widest line sets the width.
    const two = labelBox(at(0, 0, '拜访记录\nVisit record'));
    expect(two.y2 - two.y1 - 4.4).toBeCloseTo(2 * (zh.y2 - zh.y1 - 4.4), 5);
    expect(two.x2 - two.x1).toBeCloseTo(Math.max(zh.x2 - zh.x1, en.x2 - en.x1), 5);
  });

  it('keeps labels in priority order and drops those that would cover a kept one', () => {
    // 裁剪与缝制工艺 and 生产计划与物料 side by side 60 px apart: the second would overprint the first.
    const kept = placeLabels([
      at(0, 0, '裁剪与缝制工艺'),
      at(60, 5, '生产计划与物料'),
      at(0, 200, '质量检验'),
      at(300, 0, '成衣生产流程'),
    ]);
    expect(kept).toEqual([true, false, true, true]);
    // The same pair in the other order keeps the other one.
    expect(placeLabels([at(60, 5, '生产计划与物料'), at(0, 0, '裁剪与缝制工艺')])).toEqual([true, false]);
    // Far enough apart (the box is 7 em + padding = 81.4 px wide), both stay.
    expect(placeLabels([at(0, 0, '裁剪与缝制工艺'), at(82, 0, '生产计划与物料')])).toEqual([true, true]);
    // Smaller fonts make room: zoomed in, the same pair fits (font 11 → 5.5 model px).
    expect(placeLabels([at(0, 0, '裁剪与缝制工艺', 5.5), at(60, 5, '生产计划与物料', 5.5)])).toEqual([
      true,
      true,
    ]);
  });

  it('handles thousands of labels on a grid in one pass', () => {
    const many = Array.from({ length: 10_000 }, (_, i) =>
      at((i % 100) * 120, Math.floor(i / 100) * 80, '知识条目'),
    );
    const t0 = performance.now();
    const kept = placeLabels(many);
    expect(performance.now() - t0).toBeLessThan(500);
    expect(kept.every(Boolean)).toBe(true);
  });
});
