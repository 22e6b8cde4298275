import { describe, expect, it } from 'vitest';
import { adaptCamera, storedCanvas } from '../../../../../renderer/src/features/saved-views/camera';
import { reorder } from '../../../../../renderer/src/features/saved-views/reorder';

const v = (id: string, order: number) => ({ id, order });

describe('reorder', () => {
  it('permutes the order numbers the views had, writing only the changed ones', () => {
    const views = [v('a', 3), v('b', 5), v('c', 9)];
    // a moves to the end: b, c, a get 3, 5, 9.
    expect(reorder(views, 0, 2)).toEqual([v('b', 3), v('c', 5), v('a', 9)]);
    // c moves up one: a, c, b get 3, 5, 9; a keeps its number.
    expect(reorder(views, 2, 1)).toEqual([v('c', 5), v('b', 9)]);
  });

  it('numbers consecutively from the smallest when two views share a number', () => {
    expect(reorder([v('a', 2), v('b', 2), v('c', 4)], 2, 0)).toEqual([v('c', 2), v('a', 3), v('b', 4)]);
  });

  it('does nothing for the same index or one out of range', () => {
    const views = [v('a', 1), v('b', 2)];
    expect(reorder(views, 1, 1)).toEqual([]);
    expect(reorder(views, 0, 2)).toEqual([]);
    expect(reorder(views, -1, 0)).toEqual([]);
  });
});

describe('adaptCamera', () => {
  const cam = { zoom: 2, pan: { x: 100, y: 50 } };

  it('leaves the camera alone on a canvas of the same size or an unknown one', () => {
    expect(adaptCamera(cam, { width: 800, height: 600 }, { width: 800, height: 600 }, true)).toEqual(cam);
    expect(adaptCamera(cam, null, { width: 1000, height: 900 }, true)).toEqual(cam);
  });

  it('keeps the model point at the centre: (400 − 100) / 2 = 150, (300 − 50) / 2 = 125', () => {
    // On 1000 × 600 without scaling: pan = 500 − 150·2 = 200, 300 − 125·2 = 50.
    expect(adaptCamera(cam, { width: 800, height: 600 }, { width: 1000, height: 600 }, false)).toEqual({
      zoom: 2,
      pan: { x: 200, y: 50 },
    });
  });

  it('scales the zoom by the smaller ratio when asked: min(1600/800, 900/600) = 1.5', () => {
    // zoom 3; pan = 800 − 150·3 = 350, 450 − 125·3 = 75.
    expect(adaptCamera(cam, { width: 800, height: 600 }, { width: 1600, height: 900 }, true)).toEqual({
      zoom: 3,
      pan: { x: 350, y: 75 },
    });
  });

  it('reads a stored canvas size only when it is a positive width and height', () => {
    expect(storedCanvas({ canvas: { width: 10, height: 20 } })).toEqual({ width: 10, height: 20 });
    expect(storedCanvas({ canvas: { width: 0, height: 20 } })).toBeNull();
    expect(storedCanvas({ canvas: 'x' })).toBeNull();
    expect(storedCanvas({})).toBeNull();
  });
});
