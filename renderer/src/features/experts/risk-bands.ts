/**
 * Colours of the total-risk bands of the TVA method (high ≥ 16, medium 10–15, low < 10; see
 * preload/contract/experts.ts RiskBand): Okabe–Ito's colour-blind-safe vermillion, orange and bluish green
 * (Okabe & Ito 2008), each with its own mark (▲ ◆ ●) and the number always shown, so no one depends on the hue.
 */
import type { RiskBand } from '../../../../preload/contract';

export const RISK_COLOURS: Record<RiskBand, { fill: string; text: string; mark: string }> = {
  high: { fill: '#d55e00', text: '#ffffff', mark: '▲' },
  medium: { fill: '#e69f00', text: '#1f1300', mark: '◆' },
  low: { fill: '#009e73', text: '#ffffff', mark: '●' },
};

/** The bands from the highest. */
export const RISK_BANDS: readonly RiskBand[] = ['high', 'medium', 'low'];
