import type { ConsultCandidate } from '../../../preload/contract';
import type { GraphIndex } from './graph-index';
import { stepItems } from './process-steps';

/** Availability factor of an expert: how likely they can be reached now. No value recorded: 0.75. */
export const AVAILABILITY_FACTOR = { available: 1, limited: 0.5, unavailable: 0 } as const;
const UNKNOWN_AVAILABILITY = 0.75;
/** From this attrition risk on (1–5) the reason warns instead of informing. */
const HIGH_ATTRITION = 4;

/**
 * Whom to consult for a process step (DESIGN §5.2 "who to consult"; issue 7), best first. Candidates are the
 * experts the step names (`consults`: designated) and every expert who knows at least one of its required items.
 *
 *   coverage     = Σ_required importance · (proficiency/5 if they know it, else 0) / Σ_required importance
 *                  (0 when the step requires nothing) — ARIS's degree of coverage, weighted like step strength;
 *   availability = available 1, limited 0.5, unavailable 0, unknown 0.75;
 *   retention    = (5 − attritionRisk) / 4 — the IAEA knowledge-loss risk assessment's attrition factor
 *                  (1 staying … 5 leaving soon), turned into "will they still be here to help";
 *   score        = min(1, 0.6·coverage + 0.25·availability + 0.15·retention + 0.1 if designated).
 *
 * Sorted by score descending, then label. Each candidate carries its reasons as `processes:rank.*` translation
 * keys with their values: designated; knows {known, total, proficiency} (average over what they know, one
 * decimal); available / limited / unavailable / availabilityUnknown; attrition {risk}, or highAttrition {risk}
 * from risk 4. `score` is not rounded (the view formats it). Empty for a node that is not a step. Never throws.
 */
export function rankConsultants(index: GraphIndex, stepId: string): ConsultCandidate[] {
  if (index.kindOf(stepId) !== 'step') return [];
  const required = stepItems(index, stepId, 'requires');
  const totalImportance = required.reduce((s, r) => s + r.importance, 0);
  const designated = new Set(
    index
      .out(stepId, 'consults')
      .map((e) => e.target)
      .filter((t) => index.kindOf(t) === 'expert'),
  );
  // expert → item → best proficiency, over the step's required items.
  const knows = new Map<string, Map<string, number>>();
  for (const r of required) {
    for (const e of index.in(r.id, 'knows')) {
      if (index.kindOf(e.source) !== 'expert') continue;
      let m = knows.get(e.source);
      if (!m) knows.set(e.source, (m = new Map()));
      m.set(r.id, Math.max(m.get(r.id) ?? 0, e.props.proficiency));
    }
  }
  const candidates = new Set([...designated, ...knows.keys()]);
  const out: ConsultCandidate[] = [];
  for (const expertId of candidates) {
    const node = index.node(expertId)!;
    const props = index.expertProps(expertId)!;
    const known = knows.get(expertId) ?? new Map<string, number>();
    let covered = 0;
    const knowsList: ConsultCandidate['knows'] = [];
    for (const r of required) {
      const p = known.get(r.id);
      if (p === undefined) continue;
      covered += (r.importance * p) / 5;
      knowsList.push({ id: r.id, label: index.node(r.id)!.label, proficiency: p });
    }
    const coverage = totalImportance > 0 ? covered / totalImportance : 0;
    const availability = props.availability ? AVAILABILITY_FACTOR[props.availability] : UNKNOWN_AVAILABILITY;
    const retention = (5 - props.attritionRisk) / 4;
    const isDesignated = designated.has(expertId);
    const raw = 0.6 * coverage + 0.25 * availability + 0.15 * retention + (isDesignated ? 0.1 : 0);
    const reasons: ConsultCandidate['reasons'] = [];
    if (isDesignated) reasons.push({ key: 'processes:rank.designated', params: {} });
    if (knowsList.length) {
      const avg = knowsList.reduce((s, k) => s + k.proficiency, 0) / knowsList.length;
      reasons.push({
        key: 'processes:rank.knows',
        params: { known: knowsList.length, total: required.length, proficiency: Math.round(avg * 10) / 10 },
      });
    }
    reasons.push({
      key: props.availability ? `processes:rank.${props.availability}` : 'processes:rank.availabilityUnknown',
      params: {},
    });
    reasons.push({
      key:
        props.attritionRisk >= HIGH_ATTRITION ? 'processes:rank.highAttrition' : 'processes:rank.attrition',
      params: { risk: props.attritionRisk },
    });
    out.push({
      id: expertId,
      label: node.label,
      title: props.title ?? null,
      department: props.department ?? null,
      contact: props.contact ?? null,
      availability: props.availability ?? null,
      attritionRisk: props.attritionRisk,
      designated: isDesignated,
      score: Math.min(1, raw),
      knows: knowsList.sort((a, b) => b.proficiency - a.proficiency || a.label.localeCompare(b.label)),
      reasons,
    });
  }
  return out.sort((a, b) => b.score - a.score || a.label.localeCompare(b.label));
}
