import type { CompetencyCoverage, CoverageBand } from '../../../preload/contract';
import type { GraphIndex } from './graph-index';

/** How a subtree item counts: its largest `supports.weight` and the competency whose edge gives it. */
export interface SupportWeight {
  /** 0–1 (default 1 for an edge without weight). */
  weight: number;
  /** The competency of the subtree whose `supports` edge gives that weight (the first reached on a tie). */
  viaId: string;
}

/**
 * The knowledge items behind one competency: item id → weight and the edge it comes from, over the items that
 * `supports` the competency or any competency below it (`part_of` competency → competency, followed
 * transitively, depth first; a cycle is walked once). An item reached through several edges counts once, at its
 * largest weight. O(the subtree's part_of and supports edges). Never throws (an unknown id gives an empty map).
 */
export function subtreeSupports(index: GraphIndex, competencyId: string): Map<string, SupportWeight> {
  const out = new Map<string, SupportWeight>();
  const seen = new Set([competencyId]);
  const stack = [competencyId];
  while (stack.length) {
    const c = stack.pop()!;
    for (const e of index.in(c, 'supports')) {
      if (index.kindOf(e.source) !== 'knowledge') continue;
      const w = e.props.weight ?? 1;
      const had = out.get(e.source);
      if (had === undefined || w > had.weight) out.set(e.source, { weight: w, viaId: c });
    }
    for (const e of index.in(c, 'part_of'))
      if (index.kindOf(e.source) === 'competency' && !seen.has(e.source)) {
        seen.add(e.source);
        stack.push(e.source);
      }
  }
  return out;
}

/**
 * The knowledge items behind each competency: item id → the weight it counts with (subtreeSupports for every
 * competency, in graph order). O(Σ over competencies of their subtree's supports edges).
 */
export function competencyItems(index: GraphIndex): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const competencyId of index.idsOfKind('competency')) {
    const weights = new Map<string, number>();
    for (const [itemId, s] of subtreeSupports(index, competencyId)) weights.set(itemId, s.weight);
    out.set(competencyId, weights);
  }
  return out;
}

/**
 * Strength of every competency (DESIGN §3 "competency coverage rolled up from supporting items"), 0–100:
 *
 *   S_c = round(Σ_i w_i · S_i / Σ_i w_i)
 *
 * over the distinct knowledge items i that support c or any competency below it (competencyItems: an item
 * counted once, at its largest `supports.weight` w_i, default 1), S_i = `itemStrength(i)` (items it returns
 * undefined for are left out). null when no item supports the competency (or every weight is 0). Keyed by
 * competency id in graph order. Issue 9 builds coverage against each competency's target on this roll-up.
 * Never throws.
 */
export function competencyStrengths(
  index: GraphIndex,
  itemStrength: (id: string) => number | undefined,
  items: Map<string, Map<string, number>> = competencyItems(index),
): Map<string, number | null> {
  const out = new Map<string, number | null>();
  for (const [competencyId, weights] of items) {
    let weighted = 0;
    let total = 0;
    for (const [itemId, w] of weights) {
      const s = itemStrength(itemId);
      if (s === undefined) continue;
      weighted += w * s;
      total += w;
    }
    out.set(competencyId, total > 0 ? Math.round(weighted / total) : null);
  }
  return out;
}

/** The strength one target level asks for: level t needs 20·t (level 5, 100 — the strength scale read in levels). */
export const STRENGTH_PER_LEVEL = 20;

/**
 * Coverage of a competency against its target level (issue 9 §3), after ARIS' *degree of coverage* (ARIS
 * compares a person's or unit's actual degree of coverage of a competence with the degree the position requires,
 * on one level scale; the gap is required − actual):
 *
 *   achieved level  L = S_c / 20                  (S_c: competencyStrengths, 0–100 → 0–5, the target's scale)
 *   coverage        C = min(1, L / t) = min(1, S_c / (20·t))      (t: the competency's target, 1–5)
 *   band            met   when L ≥ t              (C = 1)
 *                   near  when t − 1 ≤ L < t       (short by at most one level)
 *                   below when L < t − 1
 *                   none  when S_c is null (no item supports it)
 *
 * The strength is the one the process views show (an item's strength feeds every competency it supports, through
 * the roll-up), so a competency is covered exactly as well as its items are strong. `percent` = round(100·C);
 * `achievedLevel` is L to one decimal. Bands compare the exact L, not the rounded one. Never throws; a target
 * outside 1–5 is clamped to it (the write path keeps it there).
 */
export function coverageAgainstTarget(strength: number | null, target: number): CompetencyCoverage {
  const t = Math.min(5, Math.max(1, Math.round(target)));
  const requiredStrength = STRENGTH_PER_LEVEL * t;
  if (strength === null)
    return {
      strength: null,
      requiredStrength,
      achievedLevel: null,
      coverage: null,
      percent: null,
      band: 'none',
    };
  const level = strength / STRENGTH_PER_LEVEL;
  const coverage = Math.min(1, strength / requiredStrength);
  const band: CoverageBand = level >= t ? 'met' : level >= t - 1 ? 'near' : 'below';
  return {
    strength,
    requiredStrength,
    achievedLevel: Math.round(level * 10) / 10,
    coverage,
    percent: Math.round(100 * coverage),
    band,
  };
}
