/**
 * The one home of the strength band colours (canvas, legend, chips, cards). Okabe–Ito's colour-blind-safe
 * vermillion, orange and bluish green (Okabe & Ito 2008, "Color Universal Design"), grey for a step that
 * requires nothing; the number is always shown beside the colour, so no one depends on the hue alone.
 */
import type { StrengthBand } from '../../../preload/contract';

/** Fill colour of each band, and the text colour that reads on it. */
export const BAND_COLOURS: Record<StrengthBand, { fill: string; text: string }> = {
  weak: { fill: '#d55e00', text: '#ffffff' },
  medium: { fill: '#e69f00', text: '#1f1300' },
  strong: { fill: '#009e73', text: '#ffffff' },
  none: { fill: '#9ca3af', text: '#111827' },
};

/** The bands in legend order. */
export const BANDS: readonly StrengthBand[] = ['weak', 'medium', 'strong', 'none'];
