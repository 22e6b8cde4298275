import { describe, expect, it } from 'vitest';
import type { NodeKind } from '../../../../../../preload/contract';
import {
  BASE_FONT,
  fontBand,
  importanceScore,
  labelBudget,
  levelOfRank,
  levelState,
} from '../../../../../../renderer/src/features/map/engine/label-levels';
import sample from '../../../../../../resources/sample/workspace.v1.json';

/** Sample nodes ranked as LevelOfDetail ranks them: score descending, ties by id. */
function rankedSample(): Array<{ label: string; kind: NodeKind; level: number }> {
  const degree = new Map<string, number>();
  for (const e of sample.edges) {
    degree.set(e.source, (degree.get(e.source) ?? 0) + 1);
    degree.set(e.target, (degree.get(e.target) ?? 0) + 1);
  }
  return sample.nodes
    .map((n) => ({
      id: `sample:${n.key}`,
      label: n.label,
      kind: n.kind as NodeKind,
      score: importanceScore(n.kind as NodeKind, degree.get(n.key) ?? 0),
    }))
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
    .map((n, rank) => ({ label: n.label, kind: n.kind, level: levelOfRank(rank, 40) }));
}

describe('label level of detail', () => {
  it('puts processes, the core competencies and busy categories and experts in the fit-zoom level', () => {
    const ranked = rankedSample();
    const top = ranked.filter((n) => n.level === 0);
    expect(top).toHaveLength(40);
    const labels = new Set(top.map((n) => n.label));
    for (const l of ['新品研发流程', '成衣生产流程', '团体定制销售流程', '售后服务流程'])
      expect(labels.has(l), l).toBe(true);
    for (const l of [
      '投资与决策能力',
      '客户与市场能力',
      '管理与运营能力',
      '学习与创新能力',
      '质量管控',
      '大客户销售',
      '郭晓宇',
    ])
      expect(labels.has(l), l).toBe(true);
    // A knowledge item with 11 connections comes in later; glossary terms come last.
    expect(ranked.find((n) => n.label === '拜访记录')!.level).toBeGreaterThan(0);
    expect(ranked.slice(-10).every((n) => n.kind === 'term')).toBe(true);
    // Levels 0 (40), 1 (40), 2 (80), then the rest of the sample's nodes at level 3.
    const rest = sample.nodes.length - 160;
    expect([0, 1, 2, 3].map((l) => ranked.filter((n) => n.level === l).length)).toEqual([40, 40, 80, rest]);
  });

  it('draws level 0 at fit zoom and each further level as the zoom grows by about √2', () => {
    const fit = 0.4;
    const at = (ratio: number) =>
      [0, 1, 2, 3].map((l) =>
        levelState(l, l === 0 ? 40 : 40 * 2 ** (l - 1), labelBudget(fit * ratio, fit, 40), 40),
      );
    expect(at(1)).toEqual(['full', 'hidden', 'hidden', 'hidden']);
    expect(at(1.2)).toEqual(['full', 'half', 'hidden', 'hidden']);
    expect(at(1.45)).toEqual(['full', 'full', 'hidden', 'hidden']);
    expect(at(2)).toEqual(['full', 'full', 'full', 'hidden']);
    expect(at(2.3)).toEqual(['full', 'full', 'full', 'half']);
    expect(at(3)).toEqual(['full', 'full', 'full', 'full']);
    // Zoomed far out the top labels fade too, unless there are only a few of them.
    expect(at(0.6)[0]).toBe('half');
    expect(at(0.4)[0]).toBe('hidden');
    expect(levelState(0, 8, labelBudget(0.1, 1, 40), 40)).toBe('full');
  });

  it('keeps labels near the target screen size with font bands of √2', () => {
    for (const zoom of [0.05, 0.2, 0.37, 0.8, 1]) {
      const px = BASE_FONT * Math.SQRT2 ** fontBand(zoom, 13) * zoom;
      expect(px).toBeGreaterThanOrEqual(13 - 1e-9);
      expect(px).toBeLessThan(13 * Math.SQRT2 + 1e-9);
    }
    // Zoomed in, labels keep the stylesheet's size and grow with the map.
    expect(fontBand(2, 13)).toBe(0);
    expect(fontBand(0.0001, 13)).toBe(16);
  });
});
