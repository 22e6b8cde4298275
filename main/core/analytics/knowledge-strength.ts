import type { ItemStrength, StrengthBand, StrengthSettings } from '../../../preload/contract';
import type { GraphIndex } from './graph-index';

const DAY_MS = 86_400_000;
const collator = new Intl.Collator();

/** Options of knowledgeStrength / allKnowledgeStrengths. */
export interface KnowledgeStrengthOptions {
  settings: StrengthSettings;
  /** Today as YYYY-MM-DD (local calendar date of the user; tests pin it). */
  today: string;
}

/** The band of a strength: weak below `weakBelow`, strong from `strongFrom`, medium between. */
export function strengthBand(strength: number, settings: StrengthSettings): Exclude<StrengthBand, 'none'> {
  if (strength < settings.weakBelow) return 'weak';
  if (strength >= settings.strongFrom) return 'strong';
  return 'medium';
}

/** Whole days from date `a` to date `b` (both YYYY-MM-DD, calendar days, no time zone drift). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

export { localToday } from '../util/clock';

/**
 * Knowledge strength of one knowledge item (DESIGN §3 analytics; issue 7), an integer 0–100:
 *
 *   S = round(100 × Σ_k w_k · part_k / Σ_k w_k),  k ∈ {documentation D, holders H, owner O, freshness F}
 *
 * with the weights w_k of the workspace settings and every part in [0, 1]:
 * - D = 1 when the item has ≥ 1 `documented_by` link; 0.3 when it has none but is explicit and lives somewhere
 *   other than in a person (it is written down, yet nobody can find it from the map); else 0.
 * - H = min(1, Σ_experts proficiency/5 ÷ targetHolders), over the distinct experts with a `knows` edge (the best
 *   proficiency of each counts once). This is the "how many capable people hold it" factor of the IAEA
 *   knowledge-loss risk assessment (IAEA-TECDOC-1399, after the TVA method): knowledge held by one person at
 *   proficiency 3 is far from safe; targetHolders people at full proficiency are.
 * - O = 1 when an expert `owns` the item (someone is responsible for keeping it current), else 0.
 * - F = 0.5 without a review date (unknown); 1 when the review date is today or later; overdue by d days,
 *   max(0, 1 − d / freshnessHorizonDays).
 *
 * Returns null when `id` is not a knowledge item. O(edges of the item). Never throws.
 */
export function knowledgeStrength(
  index: GraphIndex,
  id: string,
  options: KnowledgeStrengthOptions,
): ItemStrength | null {
  const props = index.knowledgeProps(id);
  const item = index.node(id);
  if (!props || !item) return null;
  const { settings, today } = options;

  const docEdges = index.out(id, 'documented_by');
  const documents = docEdges.length < 2 ? docEdges.length : new Set(docEdges.map((e) => e.target)).size;
  const documentation =
    documents > 0 ? 1 : props.existence !== 'person' && props.form === 'explicit' ? 0.3 : 0;

  const best = new Map<string, number>();
  for (const e of index.in(id, 'knows')) {
    if (index.kindOf(e.source) !== 'expert') continue;
    const p = e.props.proficiency;
    if (p > (best.get(e.source) ?? 0)) best.set(e.source, p);
  }
  const holders = [...best]
    .map(([expert, proficiency]) => ({ id: expert, label: index.node(expert)!.label, proficiency }))
    .sort((a, b) => b.proficiency - a.proficiency || collator.compare(a.label, b.label));
  const held = holders.reduce((s, h) => s + h.proficiency / 5, 0);
  const holderPart = Math.min(1, held / settings.targetHolders);

  const ownerIds = [...new Set(index.in(id, 'owns').map((e) => e.source))].filter(
    (o) => index.kindOf(o) === 'expert',
  );
  const owners = ownerIds.map((o) => ({ id: o, label: index.node(o)!.label }));
  const owner = owners.length > 0 ? 1 : 0;

  const reviewDue = props.reviewDue ?? null;
  const overdueDays = reviewDue ? daysBetween(reviewDue, today) : null;
  const freshness =
    overdueDays === null
      ? 0.5
      : overdueDays <= 0
        ? 1
        : Math.max(0, 1 - overdueDays / settings.freshnessHorizonDays);

  const w = settings.weights;
  const total = w.documentation + w.holders + w.owner + w.freshness;
  const weighted =
    w.documentation * documentation + w.holders * holderPart + w.owner * owner + w.freshness * freshness;
  // The schema refuses all-zero weights; a zero sum from a hand-made settings object reads as 0, not NaN.
  const strength = total > 0 ? Math.round((100 * weighted) / total) : 0;

  return {
    id,
    label: item.label,
    strength,
    band: strengthBand(strength, settings),
    parts: { documentation, holders: holderPart, owner, freshness },
    inputs: {
      documents,
      existence: props.existence,
      form: props.form,
      holders,
      owners,
      reviewDue,
      overdueDays,
    },
  };
}

/**
 * knowledgeStrength of every knowledge item, keyed by id in graph order. O(nodes + edges). Never throws.
 */
export function allKnowledgeStrengths(
  index: GraphIndex,
  options: KnowledgeStrengthOptions,
): Map<string, ItemStrength> {
  const out = new Map<string, ItemStrength>();
  for (const id of index.idsOfKind('knowledge')) {
    const s = knowledgeStrength(index, id, options);
    if (s) out.set(id, s);
  }
  return out;
}
