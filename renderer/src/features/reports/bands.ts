import type { GapReason, MatrixCell, StrengthBand, StrengthSettings } from '../../../../preload/contract';

/**
 * The band of a strength 0–100 under the workspace's thresholds (contract StrengthSettings): below `weakBelow`
 * weak, from `strongFrom` strong, medium between. Without settings yet, the defaults 40 / 70.
 */
export function bandOf(
  strength: number,
  settings: Pick<StrengthSettings, 'weakBelow' | 'strongFrom'> | undefined,
): StrengthBand {
  const weakBelow = settings?.weakBelow ?? 40;
  const strongFrom = settings?.strongFrom ?? 70;
  return strength < weakBelow ? 'weak' : strength >= strongFrom ? 'strong' : 'medium';
}

/** The order a matrix cell cycles through on click or Space: none → requires → produces → both → none. */
export function nextCell(cell: MatrixCell): MatrixCell {
  const order: MatrixCell[] = ['none', 'requires', 'produces', 'both'];
  return order[(order.indexOf(cell) + 1) % order.length]!;
}

/** The symbol of a matrix cell (● requires, ▲ produces, ◆ both, nothing for none). */
export const CELL_SYMBOL: Record<MatrixCell, string> = { requires: '●', produces: '▲', both: '◆', none: '' };

/** `single-holder` → `singleHolder`: the translation key of a gap reason under `reports:reasons.`. */
export function reasonKey(
  reason: GapReason,
): 'weak' | 'undocumented' | 'unheld' | 'singleHolder' | 'tacitOnly' {
  return reason.replace(/-(\w)/g, (_m, c: string) => c.toUpperCase()) as ReturnType<typeof reasonKey>;
}
