import { POSITION_SCORE_BOUNDS, type PositionCriterion, type PositionRisk } from '../../../preload/contract';
import { WellspringError } from '../util/errors';
import { BACKUP, CAPABLE, bestOfOthers, itemHolders, itemTops, labelCollator } from './expert-holdings';
import type { GraphIndex } from './graph-index';

/** Position risk factor (1–5) of a criteria score (POSITION_SCORE_BOUNDS): 0 → 1, < 6 → 2, < 12 → 3, < 24 → 4, else 5. */
export function positionFactor(score: number): 1 | 2 | 3 | 4 | 5 {
  if (score <= 0) return 1;
  const band = POSITION_SCORE_BOUNDS.findIndex((below) => score < below);
  return band < 0 ? 5 : ((band + 2) as 2 | 3 | 4);
}

/**
 * The position risk factor (PRF, 1–5) of an expert, after the IAEA / TVA knowledge-loss risk assessment (IAEA,
 * Risk Management of Knowledge Loss in Nuclear Industry Organizations, STI/PUB/1248, 2006): how much of what the
 * organisation knows would go with this person.
 *
 * Criteria: every knowledge item (not categories) the expert holds at best `knows` proficiency ≥ 3 while NO
 * other expert holds it at ≥ 3. For each, hardToReplace = no other expert holds it even at proficiency 2, and
 *
 *   weight = importance (1–3) × (tacit 2 | explicit 1) × (hardToReplace 2 | 1)          (1–12)
 *   score  = Σ weights;  computed = 1 if score = 0, 2 if < 6, 3 if < 12, 4 if < 24, else 5
 *
 * (12, the heaviest weight, is one critical tacit item nobody could take over: one makes a 4, two a 5).
 * `override` = props.positionRiskOverride ?? null and `note` = props.positionRiskNote ?? null; the factor used
 * is override ?? computed (the criteria stay listed either way). Criteria are sorted by weight descending, then
 * label (zh-CN collation). O(knows edges of the graph) on first use per index (itemHolders), then O(the items
 * the expert knows).
 *
 * @throws WellspringError not_found `errors.expertNotFound` {value} when `expertId` is not an expert
 */
export function positionRisk(index: GraphIndex, expertId: string): PositionRisk {
  const props = index.expertProps(expertId);
  if (!props) throw expertNotFound(expertId);
  const holders = itemHolders(index);
  const tops = itemTops(index);
  const criteria: PositionCriterion[] = [];
  const seen = new Set<string>();
  for (const e of index.out(expertId, 'knows')) {
    const item = index.knowledgeProps(e.target);
    if (!item || seen.has(e.target)) continue;
    seen.add(e.target);
    const proficiency = holders.get(e.target)!.get(expertId)!;
    if (proficiency < CAPABLE) continue;
    const other = bestOfOthers(tops, e.target, expertId);
    if (other >= CAPABLE) continue;
    const hardToReplace = other < BACKUP;
    criteria.push({
      itemId: e.target,
      label: index.node(e.target)!.label,
      proficiency,
      importance: item.importance,
      form: item.form,
      hardToReplace,
      weight: item.importance * (item.form === 'tacit' ? 2 : 1) * (hardToReplace ? 2 : 1),
    });
  }
  criteria.sort((a, b) => b.weight - a.weight || labelCollator.compare(a.label, b.label));
  const score = criteria.reduce((s, c) => s + c.weight, 0);
  const computed = positionFactor(score);
  const override = props.positionRiskOverride ?? null;
  return {
    factor: override ?? computed,
    computed,
    override,
    note: props.positionRiskNote ?? null,
    score,
    criteria,
  };
}

/** The error for an id (or name) that names no expert: not_found `errors.expertNotFound` {value}. */
export function expertNotFound(value: string): WellspringError {
  return new WellspringError('not_found', `No expert “${value}”.`, [], {
    key: 'errors.expertNotFound',
    params: { value },
  });
}
