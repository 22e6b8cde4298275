import type { RiskBand, RiskRow } from '../../../preload/contract';
import { attritionRisk } from './attrition-risk';
import { labelCollator } from './expert-holdings';
import type { GraphIndex } from './graph-index';
import { positionRisk } from './position-risk';

/** Options of keyPersonRisk. */
export interface KeyPersonRiskOptions {
  /** Today as YYYY-MM-DD: years left to an expected leaving date are counted from it. */
  today: string;
}

/**
 * The band of a total risk (1–25) in the TVA method's priorities: high ≥ 16 (act now: capture the knowledge),
 * medium 10–15 (plan), low < 10 (monitor).
 */
export function riskBand(total: number): RiskBand {
  if (total >= 16) return 'high';
  if (total >= 10) return 'medium';
  return 'low';
}

/**
 * The key-person risk ranking (DESIGN §3; issue 8), after the IAEA / TVA knowledge-loss risk assessment (IAEA,
 * Risk Management of Knowledge Loss in Nuclear Industry Organizations, STI/PUB/1248, 2006):
 *
 *   total = attrition risk factor (attritionRisk, 1–5) × position risk factor (positionRisk, 1–5),  1–25,
 *
 * banded by riskBand. One row per expert, sorted by total descending, then position factor descending, then
 * attrition factor descending, then position score descending (of two experts at 25, the one whose leaving takes
 * more sole-held knowledge comes first), then label (zh-CN collation), then id; `rank` is the 1-based place in that
 * order (no shared ranks). O(knows edges). Never throws.
 */
export function keyPersonRisk(index: GraphIndex, options: KeyPersonRiskOptions): RiskRow[] {
  const rows: RiskRow[] = [];
  for (const id of index.idsOfKind('expert')) {
    const props = index.expertProps(id)!;
    const attrition = attritionRisk(props, options.today);
    const position = positionRisk(index, id);
    const total = attrition.factor * position.factor;
    rows.push({
      id,
      label: index.node(id)!.label,
      title: props.title ?? null,
      department: props.department ?? null,
      attrition,
      position,
      total,
      band: riskBand(total),
      rank: 0,
    });
  }
  rows.sort(
    (a, b) =>
      b.total - a.total ||
      b.position.factor - a.position.factor ||
      b.attrition.factor - a.attrition.factor ||
      b.position.score - a.position.score ||
      labelCollator.compare(a.label, b.label) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  rows.forEach((r, i) => (r.rank = i + 1));
  return rows;
}
