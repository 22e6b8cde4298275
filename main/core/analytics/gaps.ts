import type { GapReason, GapRow, ItemStrength, StrengthSettings } from '../../../preload/contract';
import type { GraphIndex } from './graph-index';
import { strengthBand } from './knowledge-strength';
import { processIdsByLabel, processSteps, stepItems } from './process-steps';

/** Options of knowledgeGaps. */
export interface KnowledgeGapsOptions {
  settings: StrengthSettings;
  /** Item strengths (allKnowledgeStrengths). */
  strengths: ReadonlyMap<string, ItemStrength>;
  /** Evidence-finder candidate pages per knowledge item id (absent: 0). */
  candidateCounts?: ReadonlyMap<string, number>;
  /** One process only; every process when absent. */
  processId?: string;
}

/** A holder counts as capable from this proficiency on (the "held by nobody at proficiency 3 or more"). */
export const CAPABLE_PROFICIENCY = 3;

/**
 * The gaps report (DESIGN §3 "gaps: required knowledge that is weak, undocumented, or unheld"; issue 7): one row
 * per process, step and distinct required knowledge item that has at least one of these reasons:
 * - `weak`: strength S < weakBelow;
 * - `undocumented`: no `documented_by` link;
 * - `unheld`: no expert knows it at proficiency ≥ 3;
 * - `single-holder`: exactly one expert knows it, at any proficiency (the key-person risk of the IAEA
 *   knowledge-loss method: one departure loses it);
 * - `tacit-only`: its form is tacit and no document holds it.
 * Each row's band is its strength's under `settings` (the thresholds the `weak` reason uses).
 * Rows are ordered by process label, step order (then label), then strength ascending (then item label).
 * O(steps × required items + their knows edges). Never throws; an unknown processId gives no rows.
 */
export function knowledgeGaps(index: GraphIndex, options: KnowledgeGapsOptions): GapRow[] {
  const { settings, strengths } = options;
  const processIds =
    options.processId === undefined
      ? processIdsByLabel(index)
      : index.kindOf(options.processId) === 'process'
        ? [options.processId]
        : [];
  const rows: GapRow[] = [];
  for (const processId of processIds) {
    const processLabel = index.node(processId)!.label;
    for (const step of processSteps(index, processId)) {
      const stepRows: GapRow[] = [];
      for (const r of stepItems(index, step.id, 'requires')) {
        const s = strengths.get(r.id);
        if (!s) continue;
        const holders = s.inputs.holders.length;
        const capableHolders = s.inputs.holders.filter((h) => h.proficiency >= CAPABLE_PROFICIENCY).length;
        const documents = s.inputs.documents;
        const reasons: GapReason[] = [];
        if (s.strength < settings.weakBelow) reasons.push('weak');
        if (documents === 0) reasons.push('undocumented');
        if (capableHolders === 0) reasons.push('unheld');
        if (holders === 1) reasons.push('single-holder');
        if (s.inputs.form === 'tacit' && documents === 0) reasons.push('tacit-only');
        if (!reasons.length) continue;
        stepRows.push({
          processId,
          processLabel,
          stepId: step.id,
          stepLabel: step.label,
          stepOrder: step.order,
          itemId: r.id,
          itemLabel: s.label,
          strength: s.strength,
          band: strengthBand(s.strength, settings),
          reasons,
          holders,
          capableHolders,
          documents,
          candidatePages: options.candidateCounts?.get(r.id) ?? 0,
        });
      }
      stepRows.sort((a, b) => a.strength - b.strength || a.itemLabel.localeCompare(b.itemLabel));
      rows.push(...stepRows);
    }
  }
  return rows;
}
