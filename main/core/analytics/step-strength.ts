import type { ItemStrength, StepStrength, StrengthBand, StrengthSettings } from '../../../preload/contract';
import type { GraphIndex } from './graph-index';
import { strengthBand } from './knowledge-strength';
import { stepItems } from './process-steps';

/**
 * Strength of a process step (DESIGN §3 "step strength from the strength of the items it requires"; issue 7):
 * the importance-weighted mean of the strengths S_i of its distinct required knowledge items,
 *
 *   S_step = round(Σ_i w_i · S_i / Σ_i w_i),  w_i = importance of the requires edge ?? of the item ?? 2 (1–3),
 *
 * an item required twice counting once with the larger importance. A step that requires nothing has strength
 * null and band `none` (nothing to be strong or weak about). `strengths` holds the item strengths
 * (allKnowledgeStrengths). Returns null when `stepId` is not a step. O(requires edges of the step). Never throws.
 */
export function stepStrength(
  index: GraphIndex,
  stepId: string,
  strengths: ReadonlyMap<string, ItemStrength>,
  settings: StrengthSettings,
): StepStrength | null {
  const step = index.node(stepId);
  if (!step || step.kind !== 'step') return null;
  const inputs: StepStrength['inputs'] = [];
  let weighted = 0;
  let total = 0;
  for (const r of stepItems(index, stepId, 'requires')) {
    const s = strengths.get(r.id);
    if (!s) continue;
    inputs.push({ id: r.id, label: s.label, strength: s.strength, importance: r.importance });
    weighted += r.importance * s.strength;
    total += r.importance;
  }
  const strength = total > 0 ? Math.round(weighted / total) : null;
  return { id: stepId, label: step.label, strength, band: bandOrNone(strength, settings), inputs };
}

/**
 * Strength of a process: round(mean of its steps' non-null strengths), null (band `none`) when no step
 * requires anything. An unweighted mean: every step of the pipe must carry its water.
 */
export function processStrength(
  steps: readonly StepStrength[],
  settings: StrengthSettings,
): { strength: number | null; band: StrengthBand } {
  const known = steps.map((s) => s.strength).filter((s): s is number => s !== null);
  const strength = known.length ? Math.round(known.reduce((a, b) => a + b, 0) / known.length) : null;
  return { strength, band: bandOrNone(strength, settings) };
}

function bandOrNone(strength: number | null, settings: StrengthSettings): StrengthBand {
  return strength === null ? 'none' : strengthBand(strength, settings);
}
