import { describe, expect, it } from 'vitest';
import { concentricCompetencyPlacement } from '../../../../main/core/export/concentric-placement';
import { edge, node } from '../../helpers';

const competency = (id: string, level: string) => node(id, 'competency', { level, target: 3 });

describe('concentricCompetencyPlacement', () => {
  it('core in the centre; capabilities, subs and items on rings, grouped by capability, from 12 o’clock', () => {
    const nodes = [
      node('kX'),
      node('kB'),
      node('kA'),
      competency('B1', 'sub'),
      competency('A1', 'sub'),
      competency('B', 'capability'),
      competency('A', 'capability'),
      competency('C', 'core'),
    ];
    const edges = [
      edge('A', 'C', 'part_of'),
      edge('B', 'C', 'part_of'),
      edge('A1', 'A', 'part_of'),
      edge('B1', 'B', 'part_of'),
      edge('kA', 'A1', 'supports'),
      edge('kB', 'B1', 'supports'),
      edge('kX', 'B', 'supports'),
    ];
    const p = Object.fromEntries(
      [...concentricCompetencyPlacement(nodes, edges)].map(([id, { x, y }]) => [id, [x, y]]),
    );
    // rings 300, 600, 900 (k · 300 is the largest term each time); items at −90°, 30°, 150°: 900·cos 30° = 779.4
    expect(p).toEqual({
      C: [0, 0],
      A: [0, -300],
      B: [0, 300],
      A1: [0, -600],
      B1: [0, 600],
      kA: [0, -900],
      kB: [779, 450],
      kX: [-779, 450],
    });
  });

  it('a crowded ring grows until neighbours are 160 px apart', () => {
    const items = Array.from({ length: 40 }, (_, i) => node(`k${String(i).padStart(2, '0')}`));
    const p = concentricCompetencyPlacement([competency('C', 'core'), ...items], []);
    // r = 160 / (2 sin(π/40)) = 1019.6
    expect(p.get('k00')).toEqual({ x: 0, y: -1020 });
    const ring = items.map((n) => p.get(n.id)!);
    const gaps = ring.map((a, i) => Math.hypot(a.x - ring[(i + 1) % 40]!.x, a.y - ring[(i + 1) % 40]!.y));
    expect(Math.min(...gaps)).toBeGreaterThan(159);
  });
});
