import { describe, expect, it } from 'vitest';
import {
  ECHO_MS,
  StoredPositions,
  samePosition,
} from '../../../../../../renderer/src/features/map/engine/stored-positions';

describe('StoredPositions', () => {
  it('reports a stored position as changed only when it differs from the one known', () => {
    const s = new StoredPositions();
    expect(s.receive('a', { x: 1, y: 2 }, 0)).toBe('changed');
    expect(s.receive('a', { x: 1, y: 2 }, 1)).toBe('same');
    expect(s.receive('a', { x: 5, y: 2 }, 2)).toBe('changed');
    // A position that disappears from the data is no reason to move the node.
    expect(s.receive('a', null, 3)).toBe('same');
  });

  it('treats older data as stale until its own save comes back, then as usual', () => {
    const s = new StoredPositions();
    s.receive('n', null, 0);
    s.emitted([{ id: 'n', x: 10, y: 10 }], 100);
    // A read that started before the save: the node has no position yet, or the first one of two saves.
    expect(s.receive('n', null, 150)).toBe('stale');
    s.emitted([{ id: 'n', x: 20, y: 20 }], 200);
    expect(s.receive('n', { x: 10, y: 10 }, 250)).toBe('stale');
    // The echo of the last save: nothing to do, and from now on a different position is a real change (undo).
    expect(s.receive('n', { x: 20, y: 20 }, 300)).toBe('same');
    expect(s.receive('n', { x: 10, y: 10 }, 400)).toBe('changed');
  });

  it('stops waiting for an echo after ECHO_MS, and forgets nodes that left', () => {
    const s = new StoredPositions();
    s.emitted([{ id: 'n', x: 1, y: 1 }], 0);
    expect(s.receive('n', { x: 2, y: 2 }, ECHO_MS / 2)).toBe('stale');
    expect(s.receive('n', { x: 2, y: 2 }, ECHO_MS + 1)).toBe('changed');
    s.provisional.add('n');
    s.forget('n');
    expect(s.provisional.has('n')).toBe(false);
    expect(s.receive('n', { x: 2, y: 2 }, ECHO_MS + 2)).toBe('changed');
  });

  it('compares positions within 0.01 px and nulls only with nulls', () => {
    expect(samePosition({ x: 1, y: 1 }, { x: 1.005, y: 0.996 })).toBe(true);
    expect(samePosition({ x: 1, y: 1 }, { x: 1.02, y: 1 })).toBe(false);
    expect(samePosition(null, null)).toBe(true);
    expect(samePosition(null, { x: 0, y: 0 })).toBe(false);
  });
});
