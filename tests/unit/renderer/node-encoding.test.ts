import { describe, expect, it } from 'vitest';
import { mapNodeOf, type MapMetrics } from '../../../preload/contract';
import { node } from '../helpers';
import {
  COMMUNITY_PALETTE,
  MAX_EXTRA,
  communityColour,
  nodeColours,
  NEUTRAL_COLOUR,
  nodeSizes,
} from '../../../renderer/src/features/map/engine/node-encoding';

// In the map's shape (graph:map), as the map hands them over.
const nodes = [
  node('a', 'knowledge', { importance: 3 }),
  node('b', 'knowledge', { importance: 1 }),
  node('c', 'expert'),
].map(mapNodeOf);
const base = (k: string) => (k === 'expert' ? 32 : 26);
const metrics: MapMetrics = {
  degree: { a: 4, b: 1, c: 0 },
  betweenness: { a: 0.25, b: 1, c: 0 },
  community: { a: 0, b: 1, c: 11 },
  communityCount: 12,
  modularity: 0.4,
  tookMs: 1,
};

describe('node encodings', () => {
  it('sizes by the square root of the measure over its maximum', () => {
    const deg = nodeSizes(nodes, 'degree', base, new Map(), metrics);
    // a: max → +30; b: √(1/4) = ½ → +15; c: 0.
    expect([...deg]).toEqual([
      ['a', 26 + MAX_EXTRA],
      ['b', 26 + 15],
      ['c', 32],
    ]);
    const btw = nodeSizes(nodes, 'betweenness', base, new Map(), metrics);
    expect(btw.get('a')).toBe(26 + 15); // √0.25 = ½
    expect(btw.get('b')).toBe(26 + MAX_EXTRA);
    expect([...nodeSizes(nodes, 'importance', base, new Map())]).toEqual([
      ['a', 56],
      ['b', 26],
      ['c', 32],
    ]);
    // Without metrics, degree falls back to the edges counted on screen; `kind` keeps the base sizes.
    expect(nodeSizes(nodes, 'degree', base, new Map([['b', 9]])).get('b')).toBe(56);
    expect([...nodeSizes(nodes, 'kind', base, new Map(), metrics).values()]).toEqual([26, 26, 32]);
  });

  it('colours by community with Tableau 10, repeating past ten, and by kind otherwise', () => {
    const kind = () => '#3b82f6';
    const c = nodeColours(nodes, 'community', kind, metrics);
    expect(c.get('a')).toBe(COMMUNITY_PALETTE[0]);
    expect(c.get('b')).toBe(COMMUNITY_PALETTE[1]);
    expect(c.get('c')).toBe(COMMUNITY_PALETTE[1]); // 11 % 10
    expect(communityColour(10)).toBe(COMMUNITY_PALETTE[0]);
    expect([...nodeColours(nodes, 'kind', kind, metrics).values()]).toEqual([
      '#3b82f6',
      '#3b82f6',
      '#3b82f6',
    ]);
    expect(nodeColours(nodes, 'community', kind).get('a')).toBe('#3b82f6');
  });

  it('colours by strength: nodes with a band take its colour, every other node the neutral grey', () => {
    const kind = () => '#3b82f6';
    const bandColour = (b: string) => `band-${b}`;
    const c = nodeColours(nodes, 'strength', kind, metrics, {
      bands: new Map([
        ['a', 'weak'],
        ['b', 'strong'],
      ]),
      bandColour,
    });
    expect([...c.values()]).toEqual(['band-weak', 'band-strong', NEUTRAL_COLOUR]);
    // Before the bands have arrived, nothing is coloured as if it had a strength.
    expect(new Set(nodeColours(nodes, 'strength', kind).values())).toEqual(new Set([NEUTRAL_COLOUR]));
  });
});
