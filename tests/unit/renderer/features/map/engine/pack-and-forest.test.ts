import { describe, expect, it } from 'vitest';
import {
  packComponents,
  packShelves,
  windowHeightFor,
  type PackBox,
} from '../../../../../../renderer/src/features/map/engine/pack-components';
import {
  hierarchyForest,
  rankDirection,
} from '../../../../../../renderer/src/features/map/engine/hierarchy-forest';
import { bundleLeaves, flowBlock } from '../../../../../../renderer/src/features/map/engine/leaf-blocks';

const overlap = (a: PackBox & { x: number; y: number }, b: PackBox & { x: number; y: number }) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** Boxes at their packed offsets. */
const placedBoxes = (boxes: PackBox[], offsets: Map<string, { x: number; y: number }>) =>
  boxes.map((b) => ({ ...b, ...offsets.get(b.id)! }));

// A mix like the sample's trees: a few large, many small.
const MIX: PackBox[] = [
  [820, 518],
  [596, 560],
  [580, 462],
  [574, 814],
  [454, 250],
  [584, 258],
  [818, 126],
  [528, 99],
  ...Array.from({ length: 20 }, () => [100, 60] as [number, number]),
].map(([w, h], i) => ({ id: `b${String(i).padStart(2, '0')}`, w: w!, h: h! }));

describe('packShelves (NFDH)', () => {
  it('places every box without overlaps, gaps kept, inside the reported size', () => {
    const r = packShelves(MIX, { aspect: 1.6, gap: 20 });
    const placed = placedBoxes(MIX, r.offsets);
    for (const [i, a] of placed.entries()) {
      expect(a.x + a.w).toBeLessThanOrEqual(r.width + 1e-9);
      expect(a.y + a.h).toBeLessThanOrEqual(r.height + 1e-9);
      for (const b of placed.slice(i + 1)) {
        const grown = { ...a, w: a.w + 20, h: a.h + 20 };
        expect(overlap(grown, b) || overlap({ ...b, w: b.w + 20, h: b.h + 20 }, a)).toBe(false);
      }
    }
  });

  it('approaches the target aspect: a row of 100 equal squares becomes a 16:10-ish block', () => {
    const squares = Array.from({ length: 100 }, (_, i) => ({ id: `s${i}`, w: 50, h: 50 }));
    const r = packShelves(squares, { aspect: 1.6, gap: 10 });
    expect(r.width / r.height).toBeGreaterThan(1.2);
    expect(r.width / r.height).toBeLessThan(2.1);
  });

  it('rejects a non-positive aspect and packs nothing into nothing', () => {
    expect(() => packShelves(MIX, { aspect: 0, gap: 1 })).toThrow(RangeError);
    expect(packShelves([], { aspect: 1, gap: 1 })).toEqual({ offsets: new Map(), width: 0, height: 0 });
  });
});

describe('packComponents (ELK rectpacking or NFDH, whichever needs the smaller window)', () => {
  it('never needs a larger window than NFDH alone, and overlaps nothing', async () => {
    const shelf = packShelves(MIX, { aspect: 1.6, gap: 20 });
    const best = await packComponents(MIX, { aspect: 1.6, gap: 20 });
    expect(windowHeightFor(best.width, best.height, 1.6)).toBeLessThanOrEqual(
      windowHeightFor(shelf.width, shelf.height, 1.6),
    );
    const placed = placedBoxes(MIX, best.offsets);
    for (const [i, a] of placed.entries())
      for (const b of placed.slice(i + 1)) expect(overlap(a, b)).toBe(false);
  });
});

describe('hierarchyForest', () => {
  const nodes = ['p', 's1', 's2', 's3', 'k1', 'k2', 'cat', 'comp', 'lone'].map((id) => ({ id }));
  const edges = [
    { id: 'e1', source: 's1', target: 'p', kind: 'part_of' },
    { id: 'e2', source: 's2', target: 'p', kind: 'part_of' },
    { id: 'e3', source: 's3', target: 'p', kind: 'part_of' },
    { id: 'e4', source: 's1', target: 's2', kind: 'next' },
    { id: 'e5', source: 's2', target: 's3', kind: 'next' },
    { id: 'e6', source: 'k1', target: 'cat', kind: 'classified_as' },
    { id: 'e7', source: 'k2', target: 'cat', kind: 'classified_as' },
    { id: 'e8', source: 'k1', target: 'comp', kind: 'supports' },
    { id: 'e9', source: 'k2', target: 'comp', kind: 'supports' },
    { id: 'e10', source: 'lone', target: 'k1', kind: 'related' },
  ];

  it('gives each node one parent: the category wins over the competency, the next-chain stays inside', () => {
    const f = hierarchyForest(nodes, edges);
    expect(f.components.map((c) => c.nodes)).toEqual([
      ['p', 's1', 's2', 's3'],
      ['cat', 'k1', 'k2'],
    ]);
    // The process tree ranks with its part_of and next edges, directed downwards.
    expect(f.components[0]!.edges.map((e) => `${e.from}>${e.to}`)).toEqual([
      'p>s1',
      'p>s2',
      'p>s3',
      's1>s2',
      's2>s3',
    ]);
    expect(f.loose).toEqual(['comp', 'lone']);
  });

  it('does not depend on the order of nodes and edges', () => {
    const a = hierarchyForest(nodes, edges);
    const b = hierarchyForest([...nodes].reverse(), [...edges].reverse());
    expect(b).toEqual(a);
  });

  it('survives a part_of cycle and ignores edges to unknown nodes', () => {
    const f = hierarchyForest(
      [{ id: 'a' }, { id: 'b' }],
      [
        { id: 'x', source: 'a', target: 'b', kind: 'part_of' },
        { id: 'y', source: 'b', target: 'a', kind: 'part_of' },
        { id: 'z', source: 'a', target: 'ghost', kind: 'part_of' },
      ],
    );
    expect(f.components).toHaveLength(1);
    expect(f.components[0]!.nodes).toEqual(['a', 'b']);
    expect(rankDirection({ id: 'n', source: 's', target: 't', kind: 'next' })).toEqual({
      upper: 's',
      lower: 't',
    });
    expect(rankDirection({ id: 'r', source: 's', target: 't', kind: 'related' })).toBeNull();
  });
});

describe('leaf blocks', () => {
  it('replaces the leaves of a crowded parent by one grid block of about the wanted shape', () => {
    const leaves = Array.from({ length: 12 }, (_, i) => `k${String(i).padStart(2, '0')}`);
    const comp = {
      nodes: ['cat', ...leaves],
      edges: leaves.map((l) => ({ id: `e-${l}`, from: 'cat', to: l })),
    };
    const size = () => ({ w: 90, h: 50 });
    const b = bundleLeaves(comp, size, { minLeaves: 6, aspect: 1.5, gap: 4 });
    expect(b.nodes).toEqual(['cat', 'block:cat']);
    expect(b.edges).toEqual([{ id: 'edge:block:cat', from: 'cat', to: 'block:cat' }]);
    const block = b.blocks[0]!;
    expect([...block.cells.keys()]).toEqual(leaves);
    expect(block.w / block.h).toBeGreaterThan(1);
    expect(block.w / block.h).toBeLessThan(2.5);
    const cells = [...block.cells.values()].map((c) => ({ id: '', ...c, w: 90, h: 50 }));
    for (const [i, a] of cells.entries())
      for (const c of cells.slice(i + 1)) expect(overlap(a, c)).toBe(false);
  });

  it('keeps a parent with few leaves, and leaves with children or two parents, as they are', () => {
    const comp = {
      nodes: ['a', 'b', 'c', 'd'],
      edges: [
        { id: '1', from: 'a', to: 'b' },
        { id: '2', from: 'a', to: 'c' },
        { id: '3', from: 'b', to: 'd' },
        { id: '4', from: 'c', to: 'd' },
      ],
    };
    const b = bundleLeaves(comp, () => ({ w: 10, h: 10 }), { minLeaves: 2 });
    expect(b.blocks).toEqual([]);
    expect(b.nodes).toEqual(['a', 'b', 'c', 'd']);
  });

  it('flows boxes of different widths into rows without overlap', () => {
    const boxes = Array.from({ length: 9 }, (_, i) => ({ id: `n${i}`, w: 40 + 10 * i, h: 30 }));
    const r = flowBlock(boxes, 1, 5);
    const placed = boxes.map((b) => ({ ...b, ...r.cells.get(b.id)! }));
    for (const [i, a] of placed.entries())
      for (const b of placed.slice(i + 1)) expect(overlap(a, b)).toBe(false);
    for (const p of placed) expect(p.x + p.w).toBeLessThanOrEqual(r.w + 1e-9);
  });
});
