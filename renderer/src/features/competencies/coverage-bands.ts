/**
 * Colours of coverage against target (met, near, below, none) for the diagram, radar, tree and legend: the same
 * Okabe–Ito colour-blind-safe hues as the strength bands (ui/strength-bands.ts; Okabe & Ito 2008), and the percent
 * is always written beside the colour, so nobody depends on the hue alone. Experts (ring 4) get Okabe–Ito's sky blue.
 */
import type { CoverageBand } from '../../../../preload/contract';
import { BAND_COLOURS } from '../../ui/strength-bands';

/** Fill colour of each coverage band, and the text colour that reads on it. */
export const COVERAGE_COLOURS: Record<CoverageBand, { fill: string; text: string }> = {
  met: BAND_COLOURS.strong,
  near: BAND_COLOURS.medium,
  below: BAND_COLOURS.weak,
  none: BAND_COLOURS.none,
};

/** The coverage bands in legend order. */
export const COVERAGE_BANDS: readonly CoverageBand[] = ['below', 'near', 'met', 'none'];

/** An expert's fill (Okabe–Ito sky blue). */
export const EXPERT_COLOUR = '#56b4e9';

/** A coverage 0–1 as the percent the UI shows ("—" without one): round(100 × coverage), as the core rounds it. */
export function percentText(coverage: number | null): string {
  return coverage === null ? '—' : `${Math.round(coverage * 100)}%`;
}
